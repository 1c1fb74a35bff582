package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a support lead asks after "which causes": the most likely cause of each ticket counted by the week the
 * ticket was created (from its created-date metadata, see {@link CreatedDates}) and by client tool and version
 * (see {@link ClientTools}). Each ticket counts once, under its {@link #bucket}. Memory is bounded: at most
 * {@value #MAX_WEEKS} weeks, {@value MetaTally#MAX_VALUES} tools and as many versions of each; the rest is
 * counted under {@code (other)}.
 */
final class Breakdowns {
  static final int MAX_WEEKS = 520;
  static final String WORKS_NOW = "(credentials work now)";
  static final String NO_RULE = "(no rule matched)";
  static final String ERROR = "(could not be diagnosed)";

  /** The metadata label that holds the created date, once a ticket had one. */
  String createdColumn;
  long dated;
  /** Tickets with no created date. */
  long undated;
  /** Tickets whose created date is in no form {@link CreatedDates} reads. */
  long unreadableDates;
  /** By the Monday of the week. */
  final TreeMap<LocalDate, Counts> weeks = new TreeMap<>();
  final Map<String, Tool> tools = new LinkedHashMap<>();
  long noClient;

  /** Tickets and their most likely causes. */
  static final class Counts {
    long tickets;
    final Map<String, Long> causes = new TreeMap<>();

    void add(String bucket) {
      tickets++;
      causes.merge(bucket, 1L, Long::sum);
    }
  }

  static final class Tool {
    final Counts all = new Counts();
    final Map<String, Counts> versions = new LinkedHashMap<>();
  }

  /** The one place a ticket is counted: its error, "credentials work now", its first cause, or no rule matched. */
  static String bucket(Row r) {
    if (r.failed()) {
      return ERROR;
    }
    if (r.worksNow()) {
      return WORKS_NOW;
    }
    return r.first() == null ? NO_RULE : r.first().id();
  }

  void add(Row r) {
    String bucket = bucket(r);
    addDate(r, bucket);
    Row.Client c = ClientTools.of(r);
    if (c == null) {
      noClient++;
      return;
    }
    Tool tool = bounded(tools, c.tool(), Tool::new);
    tool.all.add(bucket);
    bounded(tool.versions, c.version() == null ? "(unknown)" : c.version(), Counts::new).add(bucket);
  }

  private void addDate(Row r, String bucket) {
    String value = null;
    for (Map.Entry<String, String> e : r.meta().entrySet()) {
      if (CreatedDates.isCreated(e.getKey()) && (createdColumn == null || createdColumn.equals(e.getKey()))) {
        createdColumn = e.getKey();
        value = e.getValue();
        break;
      }
    }
    if (value == null || value.isBlank()) {
      undated++;
      return;
    }
    LocalDate d = CreatedDates.parse(value);
    if (d == null) {
      unreadableDates++;
      return;
    }
    LocalDate monday = CreatedDates.monday(d);
    if (!weeks.containsKey(monday) && weeks.size() >= MAX_WEEKS) {
      unreadableDates++;
      return;
    }
    dated++;
    weeks.computeIfAbsent(monday, k -> new Counts()).add(bucket);
  }

  private static <V> V bounded(Map<String, V> map, String key, java.util.function.Supplier<V> make) {
    V v = map.get(key);
    if (v != null) {
      return v;
    }
    return map.size() >= MetaTally.MAX_VALUES ? map.computeIfAbsent(MetaTally.OTHER, k -> make.get())
        : map.computeIfAbsent(key, k -> make.get());
  }

  /** Every week from the first to the last, the empty ones too (a gap is news), unless that is too many. */
  List<LocalDate> weekRange() {
    if (weeks.isEmpty()) {
      return List.of();
    }
    List<LocalDate> out = new ArrayList<>();
    LocalDate last = weeks.lastKey();
    if (java.time.temporal.ChronoUnit.WEEKS.between(weeks.firstKey(), last) > 156) {
      return new ArrayList<>(weeks.keySet());
    }
    for (LocalDate w = weeks.firstKey(); !w.isAfter(last); w = w.plusWeeks(1)) {
      out.add(w);
    }
    return out;
  }

  /** Tools, most tickets first; each tool's versions likewise. */
  List<Map.Entry<String, Tool>> toolsByTickets() {
    List<Map.Entry<String, Tool>> list = new ArrayList<>(tools.entrySet());
    list.sort(Comparator.comparingLong((Map.Entry<String, Tool> e) -> e.getValue().all.tickets).reversed()
        .thenComparing(Map.Entry::getKey));
    return list;
  }

  static List<Map.Entry<String, Counts>> byTickets(Map<String, Counts> map) {
    List<Map.Entry<String, Counts>> list = new ArrayList<>(map.entrySet());
    list.sort(Comparator.comparingLong((Map.Entry<String, Counts> e) -> e.getValue().tickets).reversed()
        .thenComparing(Map.Entry::getKey));
    return list;
  }

  /** A count's causes, most tickets first. */
  static List<Map.Entry<String, Long>> causes(Counts c) {
    return c.causes.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey())).toList();
  }

  /** {@code byWeek} and {@code byClient} of {@code summary.json}. */
  void toJson(ObjectNode into) {
    ObjectNode byWeek = into.putObject("byWeek");
    byWeek.put("column", createdColumn);
    byWeek.put("dated", dated);
    byWeek.put("undated", undated);
    byWeek.put("unreadableDates", unreadableDates);
    ArrayNode ws = byWeek.putArray("weeks");
    for (LocalDate w : weekRange()) {
      Counts c = weeks.getOrDefault(w, new Counts());
      ObjectNode o = ws.addObject().put("week", CreatedDates.week(w)).put("from", w.toString()).put("tickets", c.tickets);
      causesJson(o.putObject("causes"), c);
    }
    ArrayNode clients = into.putArray("byClient");
    for (Map.Entry<String, Tool> t : toolsByTickets()) {
      ObjectNode o = clients.addObject().put("tool", t.getKey()).put("tickets", t.getValue().all.tickets);
      causesJson(o.putObject("causes"), t.getValue().all);
      ArrayNode vs = o.putArray("versions");
      for (Map.Entry<String, Counts> v : byTickets(t.getValue().versions)) {
        ObjectNode vo = vs.addObject().put("version", v.getKey()).put("tickets", v.getValue().tickets);
        causesJson(vo.putObject("causes"), v.getValue());
      }
    }
    into.put("noClient", noClient);
  }

  private static void causesJson(ObjectNode into, Counts c) {
    causes(c).forEach(e -> into.put(e.getKey(), e.getValue()));
  }
}
