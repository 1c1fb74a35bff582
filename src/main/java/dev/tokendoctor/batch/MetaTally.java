package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tickets of a run counted by their metadata (product, client tool, customer, created week...), each value
 * with its most frequent first causes: what a support lead asks next. Dates are counted by ISO week
 * ({@code 2026-W48}). Memory is bounded: past {@value #MAX_VALUES} distinct values of one label, new values are
 * counted as {@code (other)}.
 */
final class MetaTally {
  static final int MAX_VALUES = 200;
  static final String OTHER = "(other)";
  static final String NO_FINDING = "(no finding)";
  private static final Pattern DATE = Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})");
  private final Map<String, Map<String, Value>> labels = new LinkedHashMap<>();

  private static final class Value {
    long tickets;
    final Map<String, Long> firstCauses = new TreeMap<>();
  }

  void add(Row r) {
    if (r.meta().isEmpty()) {
      return;
    }
    String first = r.failed() ? Row.ERROR : r.first() == null ? NO_FINDING : r.first().id();
    for (Map.Entry<String, String> e : r.meta().entrySet()) {
      Map<String, Value> values = labels.computeIfAbsent(e.getKey(), k -> new LinkedHashMap<>());
      String v = bucket(e.getValue());
      Value value = values.get(v);
      if (value == null) {
        value = values.size() >= MAX_VALUES ? values.computeIfAbsent(OTHER, k -> new Value()) : new Value();
        values.putIfAbsent(v, value);
        if (values.size() > MAX_VALUES) {
          values.remove(v);
        }
      }
      value.tickets++;
      value.firstCauses.merge(first, 1L, Long::sum);
    }
  }

  /** A date as its ISO week, anything else as is. */
  static String bucket(String value) {
    Matcher m = DATE.matcher(value);
    if (m.find()) {
      try {
        LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        return String.format("%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
      } catch (java.time.DateTimeException e) {
        return value;
      }
    }
    return value;
  }

  /** {@code {"product": [{"value": "cli", "tickets": 12, "firstCauses": {"KEY_ID_NOT_FOUND": 5, ...}}, ...]}}. */
  void toJson(ObjectNode into) {
    for (Map.Entry<String, Map<String, Value>> label : labels.entrySet()) {
      ArrayNode arr = into.putArray(label.getKey());
      List<Map.Entry<String, Value>> values = new ArrayList<>(label.getValue().entrySet());
      values.sort(Comparator.comparingLong((Map.Entry<String, Value> e) -> e.getValue().tickets).reversed()
          .thenComparing(Map.Entry::getKey));
      for (Map.Entry<String, Value> v : values) {
        ObjectNode o = arr.addObject().put("value", v.getKey()).put("tickets", v.getValue().tickets);
        ObjectNode causes = o.putObject("firstCauses");
        v.getValue().firstCauses.entrySet().stream()
            .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
            .forEach(c -> causes.put(c.getKey(), c.getValue()));
      }
    }
  }
}
