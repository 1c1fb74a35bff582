package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.HtmlReport.num;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The values the report's sections "Causes over time" and "Causes by client tool and version" show, laid out
 * for {@code report.html.mustache} (which holds all the markup).
 */
final class BreakdownViews {
  /** Causes with their own series in the chart over time; the others are summed as "other causes". */
  static final int SERIES = 6;
  /** Tools shown on the page, and versions per tool; the rest are in summary.json. */
  static final int TOOLS = 30;
  static final int VERSIONS = 12;

  private BreakdownViews() {}

  /** A series of the chart over time: a cause, "other causes", or one of the buckets. */
  record Series(String name, String css) {}

  record Cell(String count) {}

  record Week(String week, String from, String total, List<Cell> cells) {}

  record Segment(String title, String css, String x, String y, String width, String height) {}

  record Label(String text, String x, int y) {}

  record Chart(int width, int height, List<Segment> segments, List<Label> labels, int axisY, int maxY, String max) {}

  /**
   * The section over time.
   *
   * @param column the metadata label of the created date, {@code null} when no ticket had one
   */
  record OverTime(String column, boolean dated, String datedCount, String undated, String unreadable,
      List<Series> series, List<Week> weeks, Chart chart) {}

  record CauseCount(String cause, String count) {}

  record ClientRow(String tool, String version, boolean total, String tickets, List<CauseCount> causes) {}

  record ByClient(boolean any, List<ClientRow> rows, String noClient, String moreTools) {}

  static OverTime overTime(Breakdowns b) {
    if (b.createdColumn == null || b.dated == 0) {
      return new OverTime(b.createdColumn, false, "0", num(b.undated), num(b.unreadableDates), List.of(), List.of(), null);
    }
    Map<String, Long> totals = new LinkedHashMap<>();
    b.weeks.values().forEach(c -> c.causes.forEach((k, v) -> totals.merge(k, v, Long::sum)));
    List<String> top = totals.entrySet().stream().filter(e -> !special(e.getKey()))
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
        .limit(SERIES).map(Map.Entry::getKey).toList();
    boolean others = totals.keySet().stream().anyMatch(k -> !special(k) && !top.contains(k));
    List<String> names = new ArrayList<>(top);
    List<Series> series = new ArrayList<>();
    for (int i = 0; i < top.size(); i++) {
      series.add(new Series(top.get(i), "s" + i));
    }
    if (others) {
      names.add("other causes");
      series.add(new Series("other causes", "other"));
    }
    names.addAll(List.of(Breakdowns.WORKS_NOW, Breakdowns.NO_RULE, Breakdowns.ERROR));
    series.add(new Series("credentials work now", "works-now"));
    series.add(new Series("no rule matched", "none"));
    series.add(new Series("could not be diagnosed", "error"));

    List<LocalDate> range = b.weekRange();
    List<Week> weeks = new ArrayList<>();
    List<long[]> counts = new ArrayList<>();
    long max = 1;
    for (LocalDate w : range) {
      Breakdowns.Counts c = b.weeks.getOrDefault(w, new Breakdowns.Counts());
      long[] row = new long[names.size()];
      c.causes.forEach((k, v) -> {
        int i = names.indexOf(k);
        row[i >= 0 ? i : names.indexOf("other causes")] += v;
      });
      counts.add(row);
      max = Math.max(max, c.tickets);
      List<Cell> cells = new ArrayList<>();
      for (long n : row) {
        cells.add(new Cell(n == 0 ? "" : num(n)));
      }
      weeks.add(new Week(CreatedDates.week(w), w.toString(), num(c.tickets), cells));
    }
    return new OverTime(b.createdColumn, true, num(b.dated), b.undated == 0 ? null : num(b.undated),
        b.unreadableDates == 0 ? null : num(b.unreadableDates), series, weeks,
        chart(range, counts, names, series, max));
  }

  /** Stacked bars, one per week, one segment per series, bottom up in the order of the legend. */
  private static Chart chart(List<LocalDate> range, List<long[]> counts, List<String> names, List<Series> series, long max) {
    int left = 48;
    int plotW = 860;
    int top = 10;
    int plotH = 200;
    double slot = (double) plotW / Math.max(1, range.size());
    double barW = Math.max(1, slot * 0.7);
    // A label is about 70 units wide: label every n-th week so that they never overlap.
    int every = Math.max(1, (int) Math.ceil(72 / slot));
    List<Segment> segments = new ArrayList<>();
    List<Label> labels = new ArrayList<>();
    for (int w = 0; w < range.size(); w++) {
      double x = left + w * slot + (slot - barW) / 2;
      double y = top + plotH;
      long[] row = counts.get(w);
      for (int s = 0; s < row.length; s++) {
        if (row[s] == 0) {
          continue;
        }
        double h = (double) row[s] / max * plotH;
        y -= h;
        segments.add(new Segment(CreatedDates.week(range.get(w)) + ": " + series.get(s).name() + " " + num(row[s]),
            series.get(s).css(), d(x), d(y), d(barW), d(h)));
      }
      if (w % every == 0) {
        labels.add(new Label(CreatedDates.week(range.get(w)), d(x + barW / 2), top + plotH + 16));
      }
    }
    return new Chart(left + plotW + 20, top + plotH + 30, segments, labels, top + plotH, top + 4, num(max));
  }

  private static boolean special(String bucket) {
    return bucket.equals(Breakdowns.WORKS_NOW) || bucket.equals(Breakdowns.NO_RULE) || bucket.equals(Breakdowns.ERROR);
  }

  static ByClient byClient(Breakdowns b) {
    List<ClientRow> rows = new ArrayList<>();
    List<Map.Entry<String, Breakdowns.Tool>> tools = b.toolsByTickets();
    for (Map.Entry<String, Breakdowns.Tool> t : tools.subList(0, Math.min(TOOLS, tools.size()))) {
      rows.add(new ClientRow(t.getKey(), "all versions", true, num(t.getValue().all.tickets), causes(t.getValue().all)));
      List<Map.Entry<String, Breakdowns.Counts>> versions = Breakdowns.byTickets(t.getValue().versions);
      for (Map.Entry<String, Breakdowns.Counts> v : versions.subList(0, Math.min(VERSIONS, versions.size()))) {
        rows.add(new ClientRow(t.getKey(), v.getKey(), false, num(v.getValue().tickets), causes(v.getValue())));
      }
    }
    return new ByClient(!rows.isEmpty(), rows, num(b.noClient),
        tools.size() > TOOLS ? num(tools.size() - TOOLS) : null);
  }

  /** The three most frequent most likely causes and the count of each. */
  private static List<CauseCount> causes(Breakdowns.Counts c) {
    return Breakdowns.causes(c).stream().limit(3).map(e -> new CauseCount(e.getKey(), num(e.getValue()))).toList();
  }

  private static String d(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
