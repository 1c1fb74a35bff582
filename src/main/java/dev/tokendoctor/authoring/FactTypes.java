package dev.tokendoctor.authoring;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Conclude;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.engine.Tables;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The rules' vocabulary, found by reflection so it can never disagree with the code: the facts of a bundle
 * (the components of {@link FactBundle}), the rows of the reference tables, and the value types reached through
 * their fields ({@code ValueDescriptor}).
 */
public final class FactTypes {
  private static final String FACTS_PACKAGE = "dev.tokendoctor.facts";
  private static final Set<String> OBJECT_METHODS = Set.of("toString", "hashCode", "equals", "getClass");

  /**
   * One type a rule can match or reach.
   *
   * @param type the record
   * @param kind {@code bundle} (observed on the machine), {@code table} (a row of {@code rules/tables/}) or
   *     {@code value} (not a fact by itself: reached through another fact's field)
   * @param where the bundle member that holds it ({@code credentials}) or the table file
   *     ({@code tables/regions.csv}); {@code null} for value types
   * @param many the bundle holds a list of them
   */
  public record FactType(Class<? extends Record> type, String kind, String where, boolean many) {
    public String name() {
      return type.getSimpleName();
    }
  }

  private FactTypes() {}

  /** Every fact and value type, bundle facts first (in bundle order), then tables, then value types. */
  public static List<FactType> all() {
    Map<Class<?>, FactType> out = new LinkedHashMap<>();
    for (RecordComponent c : FactBundle.class.getRecordComponents()) {
      Class<?> element = elementType(c.getGenericType());
      if (element != null && element.isRecord() && element.getPackageName().equals(FACTS_PACKAGE)) {
        out.putIfAbsent(element, new FactType(element.asSubclass(Record.class), "bundle", c.getName(), element != c.getType()));
      }
    }
    Tables.kinds().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
        out.putIfAbsent(e.getValue(), new FactType(e.getValue(), "table", "tables/" + e.getKey() + ".csv", true)));
    dev.tokendoctor.vocabulary.DerivedFacts.TYPES.forEach(t -> out.putIfAbsent(t, new FactType(t, "derived", "vocabulary/", true)));
    List<Class<?>> queue = new ArrayList<>(out.keySet());
    while (!queue.isEmpty()) {
      Class<?> t = queue.remove(0);
      for (RecordComponent c : t.getRecordComponents()) {
        Class<?> element = elementType(c.getGenericType());
        if (element != null && element.isRecord() && element.getPackageName().equals(FACTS_PACKAGE) && !out.containsKey(element)) {
          out.put(element, new FactType(element.asSubclass(Record.class), "value", null, false));
          queue.add(element);
        }
      }
    }
    return List.copyOf(out.values());
  }

  /** The names a rule can put in a pattern: the fact types and the conclusions rules may match. */
  public static Set<String> patternTypeNames() {
    Set<String> names = new LinkedHashSet<>();
    all().forEach(t -> names.add(t.name()));
    names.add(Finding.class.getSimpleName());
    names.add(ObservedError.class.getSimpleName());
    return names;
  }

  /** A type the rules know by its simple name: a fact, a conclusion, or one of {@link Conclude}'s builders. */
  public static Optional<Class<?>> bySimpleName(String name) {
    List<Class<?>> known = new ArrayList<>();
    all().forEach(t -> known.add(t.type()));
    known.add(Finding.class);
    known.add(ObservedError.class);
    known.add(Conclude.FindingBuilder.class);
    known.add(Conclude.CheckBuilder.class);
    return known.stream().filter(c -> c.getSimpleName().equals(name) || c.getName().equals(name)).findFirst();
  }

  /** What a pattern can test on {@code type}: its fields, then the derived properties (no-argument methods). */
  public static Set<String> properties(Class<?> type) {
    Set<String> names = new LinkedHashSet<>();
    if (type.isRecord()) {
      Arrays.stream(type.getRecordComponents()).forEach(c -> names.add(c.getName()));
    }
    derived(type).forEach(m -> names.add(m.getName()));
    return names;
  }

  /** The public methods a record adds to its fields, sorted by name (the docs reorder them by source position). */
  public static List<Method> derived(Class<?> type) {
    Set<String> fields = new LinkedHashSet<>();
    if (type.isRecord()) {
      Arrays.stream(type.getRecordComponents()).forEach(c -> fields.add(c.getName()));
    }
    return Arrays.stream(type.getDeclaredMethods())
        .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()) && !m.isSynthetic())
        .filter(m -> !OBJECT_METHODS.contains(m.getName()) && !(fields.contains(m.getName()) && m.getParameterCount() == 0))
        .filter(m -> m.getReturnType() != void.class)
        .sorted(Comparator.comparing(Method::getName).thenComparing(Method::getParameterCount))
        .toList();
  }

  /** {@code List<String>} → {@code List<String>}, {@code java.time.Instant} → {@code Instant}: types as people read them. */
  public static String typeName(Type t) {
    return t.getTypeName().replaceAll("(?:[a-z_$][\\w$]*\\.)+", "").replace('$', '.');
  }

  private static Class<?> elementType(Type t) {
    if (t instanceof Class<?> c) {
      return c;
    }
    if (t instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
        && p.getActualTypeArguments()[0] instanceof Class<?> c) {
      return c;
    }
    return null;
  }
}
