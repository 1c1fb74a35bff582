package dev.tokendoctor.engine;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * The text of {@code o.toString()} for the records the rules conclude, built without Java 17's record
 * {@code toString}, which goes through {@code String.format} and was the largest single cost of ordering a
 * diagnosis's conclusions in a batch run. The text is the same, character for character (a test checks it), so
 * the order it gives is the order {@code toString} gave.
 */
final class ContentKey {
  private static final ClassValue<MethodHandle[]> ACCESSORS = new ClassValue<>() {
    @Override
    protected MethodHandle[] computeValue(Class<?> type) {
      RecordComponent[] comps = type.getRecordComponents();
      MethodHandle[] handles = new MethodHandle[comps.length];
      try {
        for (int i = 0; i < comps.length; i++) {
          comps[i].getAccessor().setAccessible(true);
          handles[i] = MethodHandles.lookup().unreflect(comps[i].getAccessor());
        }
      } catch (IllegalAccessException | RuntimeException e) {
        return null;
      }
      return handles;
    }
  };
  private static final ClassValue<String[]> NAMES = new ClassValue<>() {
    @Override
    protected String[] computeValue(Class<?> type) {
      RecordComponent[] comps = type.getRecordComponents();
      String[] names = new String[comps.length];
      for (int i = 0; i < comps.length; i++) {
        names[i] = comps[i].getName();
      }
      return names;
    }
  };

  private ContentKey() {}

  static String of(Object o) {
    StringBuilder sb = new StringBuilder(256);
    append(sb, o);
    return sb.toString();
  }

  private static void append(StringBuilder sb, Object o) {
    if (o == null) {
      sb.append("null");
    } else if (o instanceof Record r && !usesOwnToString(r)) {
      appendRecord(sb, r);
    } else if (o instanceof Collection<?> c && c.getClass().getName().startsWith("java.util.")) {
      sb.append('[');
      Iterator<?> it = c.iterator();
      while (it.hasNext()) {
        Object e = it.next();
        if (e == c) {
          sb.append("(this Collection)");
        } else {
          append(sb, e);
        }
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append(']');
    } else if (o instanceof Map<?, ?> m && m.getClass().getName().startsWith("java.util.")) {
      sb.append('{');
      Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
      while (it.hasNext()) {
        Map.Entry<?, ?> e = it.next();
        append(sb, e.getKey() == m ? "(this Map)" : e.getKey());
        sb.append('=');
        append(sb, e.getValue() == m ? "(this Map)" : e.getValue());
        if (it.hasNext()) {
          sb.append(", ");
        }
      }
      sb.append('}');
    } else {
      sb.append(o);
    }
  }

  /** {@code "Name["} when the text of {@code o} is the record form {@code Name[field=value, ...]} built here. */
  static String recordPrefix(Object o) {
    return o instanceof Record r && ACCESSORS.get(r.getClass()) != null && !usesOwnToString(r)
        ? PREFIX.get(r.getClass()) : null;
  }

  /** The first field of a record when it is a string, else null. */
  static String firstString(Object o) {
    MethodHandle first = o instanceof Record ? FIRST.get(o.getClass()) : null;
    if (first == null) {
      return null;
    }
    try {
      return (Object) first.invokeExact(o) instanceof String s ? s : null;
    } catch (Throwable t) {
      return null;
    }
  }

  private static final ClassValue<String> PREFIX = new ClassValue<>() {
    @Override
    protected String computeValue(Class<?> type) {
      return type.getSimpleName() + "[";
    }
  };

  /** The first accessor typed {@code (Object)Object}, so that it is called exactly, without adapting each call. */
  private static final ClassValue<MethodHandle> FIRST = new ClassValue<>() {
    @Override
    protected MethodHandle computeValue(Class<?> type) {
      MethodHandle[] accessors = ACCESSORS.get(type);
      return accessors == null || accessors.length == 0 ? null
          : accessors[0].asType(MethodType.methodType(Object.class, Object.class));
    }
  };

  private static void appendRecord(StringBuilder sb, Record r) {
    MethodHandle[] accessors = ACCESSORS.get(r.getClass());
    if (accessors == null) {
      sb.append(r);
      return;
    }
    String[] names = NAMES.get(r.getClass());
    sb.append(r.getClass().getSimpleName()).append('[');
    for (int i = 0; i < accessors.length; i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(names[i]).append('=');
      Object value;
      try {
        value = accessors[i].invoke(r);
      } catch (Throwable t) {
        throw new IllegalStateException("cannot read " + names[i] + " of " + r.getClass().getSimpleName(), t);
      }
      append(sb, value);
    }
    sb.append(']');
  }

  /**
   * Per record class: does our text equal its {@code toString}? Checked on the first instance seen, so a record
   * that writes its own {@code toString} keeps it.
   */
  private static final Map<Class<?>, Boolean> SAME = new java.util.concurrent.ConcurrentHashMap<>();

  private static boolean usesOwnToString(Record r) {
    Boolean same = SAME.get(r.getClass());
    if (same == null) {
      StringBuilder probe = new StringBuilder();
      appendRecord(probe, r);
      same = probe.toString().equals(r.toString());
      SAME.put(r.getClass(), same);
    }
    return !same;
  }
}
