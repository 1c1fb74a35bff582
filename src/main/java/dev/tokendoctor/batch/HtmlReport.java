package dev.tokendoctor.batch;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.Template;
import dev.tokendoctor.report.ToolVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code report.html}: the whole picture on one page a support lead opens from disk or mails on. The page is the
 * template {@code tokendoctor/batch/report.html.mustache} (self-contained and static: inline CSS, an inline SVG
 * chart, no script, no network); this class only turns a {@link Tally} into the values it shows. jmustache escapes
 * every value for HTML, so no text from the input can become markup.
 */
final class HtmlReport {
  private static final String FOLDER = "tokendoctor/batch/";
  private static final Template PAGE = compile("report.html.mustache");

  private HtmlReport() {}

  /** A figure at the top of the page. */
  record Figure(String id, String big, String label) {}

  /** A table of tickets. */
  record TicketTable(String noteHeader, List<TicketRow> rows, More more) {}

  /** A ticket in a table: its id, linked to the help desk when {@code --ticket-url} was given. */
  record TicketRow(String ticket, String source, String note, String link) {}

  /** How many tickets a table leaves out, and which rows of results.csv hold them. */
  record More(String cap, String count, String filterPrefix, String filterColumn, String filterSuffix) {}

  /** A cause in the table and in the lists of tickets. */
  record CauseView(String id, String title, String severity, String first, String share, String any,
      TicketTable listing) {}

  /** A name and how many tickets have it (verdicts, kinds of error). */
  record Count(String name, String count) {}

  /** A bar of the chart, laid out. */
  record Bar(String label, String title, String css, String count, String share, int labelEnd, int barX, String width,
      String countX, int textY, int rectY, int rectH) {}

  record Chart(int width, int height, List<Bar> bars) {}

  record Section(String count, List<Count> kinds, TicketTable listing) {}

  record Ticket(String ticket, String source) {}

  static String render(Tally t, RunInfo run, TicketUrl url) {
    List<Tally.Cause> causes = t.causesByFrequency();
    List<CauseView> causeViews = new ArrayList<>();
    for (Tally.Cause c : causes) {
      causeViews.add(new CauseView(c.id, c.title, c.severity, num(c.first), pct(t.share(c.first)), num(c.any),
          table(c.tickets, c.any, t.listed(), "Rank", "", "causes", "", url)));
    }
    Map<String, Object> page = new java.util.HashMap<>();
    page.put("tickets", num(t.tickets));
    page.put("ticketsPlain", Long.toString(t.tickets));
    page.put("tool", ToolVersion.NAME + " " + ToolVersion.version());
    page.put("rules", run.rules());
    page.put("inputs", String.join(", ", run.inputs()));
    page.put("finishedAt", run.finishedAt().toString());
    page.put("interrupted", !run.complete());
    page.put("lastTicket", t.last == null ? null : new Ticket(t.last.ticket(), t.last.source()));
    page.put("figures", List.of(
        new Figure("tickets", num(t.tickets), "tickets"),
        new Figure("with-finding", pct(t.share(t.withFinding)), num(t.withFinding) + " with a finding"),
        new Figure("works-now", pct(t.share(t.worksNow)), num(t.worksNow) + " whose credentials work now"),
        new Figure("no-finding", pct(t.share(t.noFinding)), num(t.noFinding) + " with no finding (no rule matched)"),
        new Figure("errors", pct(t.share(t.errors)), num(t.errors) + " could not be diagnosed")));
    page.put("chart", chart(causes, t));
    page.put("causes", causeViews);
    page.put("hasCauses", !causeViews.isEmpty());
    page.put("verdicts", counts(t.statuses));
    page.put("worksNow", t.worksNow == 0 ? null : new Section(num(t.worksNow), List.of(),
        table(t.worksNowRows, t.worksNow, t.listed(), "Verdict", "", "credentialsWorkNow", " in results.jsonl", url)));
    page.put("noFinding", t.noFinding == 0 ? null : new Section(num(t.noFinding), List.of(),
        table(t.noFindingRows, t.noFinding, t.listed(), "Verdict", "an empty ", "causes", "", url)));
    page.put("errors", t.errors == 0 ? null : new Section(num(t.errors), counts(t.errorKinds),
        table(t.errorRows, t.errors, t.listed(), "Reason", "", "status", " = error", url)));
    page.put("overTime", BreakdownViews.overTime(t.breakdowns));
    page.put("byClient", BreakdownViews.byClient(t.breakdowns));
    page.put("linked", url != null);
    return PAGE.execute(page);
  }

  private static TicketTable table(List<Tally.Listed> listed, long total, int cap, String noteHeader,
      String filterPrefix, String filterColumn, String filterSuffix, TicketUrl url) {
    More more = total > listed.size()
        ? new More(num(cap), num(total - listed.size()), filterPrefix, filterColumn, filterSuffix)
        : null;
    List<TicketRow> rows = new ArrayList<>(listed.size());
    for (Tally.Listed l : listed) {
      // A line too broken to name its ticket is named by where it was read: no ticket to link to.
      boolean named = !l.ticket().equals(l.source());
      rows.add(new TicketRow(l.ticket(), l.source(), l.note(), url == null || !named ? null : url.link(l.ticket())));
    }
    return new TicketTable(noteHeader, rows, more);
  }

  private static List<Count> counts(Map<String, Long> byName) {
    List<Count> out = new ArrayList<>();
    byName.forEach((name, count) -> out.add(new Count(name, num(count))));
    return out;
  }

  /** Horizontal bars: one row per most likely cause, then no finding and errors, each with its count and share. */
  private static Chart chart(List<Tally.Cause> causes, Tally t) {
    record Raw(String label, String title, long count, String css) {}
    List<Raw> raw = new ArrayList<>();
    for (Tally.Cause c : causes) {
      // Its tickets are the bar "Credentials work now" below.
      if (c.first > 0 && !c.id.equals(WorksNow.CAUSE)) {
        raw.add(new Raw(c.id, c.title, c.first, "sev-" + c.severity));
      }
    }
    raw.add(new Raw("Credentials work now", "AWS accepted the credentials found; the ticket says they were refused",
        t.worksNow, "works-now"));
    raw.add(new Raw("No finding", "No rule matched the facts", t.noFinding, "none"));
    raw.add(new Raw("Could not be diagnosed", "Malformed line, unreadable bundle or a rule that failed", t.errors, "error"));
    int rowH = 26;
    int labelW = 300;
    int barW = 480;
    long max = Math.max(1, raw.stream().mapToLong(Raw::count).max().orElse(1));
    List<Bar> bars = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Raw b = raw.get(i);
      int y = 5 + i * rowH;
      double w = b.count() == 0 ? 0 : Math.max(2, (double) b.count() / max * barW);
      bars.add(new Bar(b.label(), b.title(), b.css(), num(b.count()),
          pct(t.tickets == 0 ? 0 : (double) b.count() / t.tickets), labelW - 8, labelW, oneDecimal(w),
          oneDecimal(labelW + w + 6), y + 17, y + 3, rowH - 8));
    }
    return new Chart(labelW + barW + 140, raw.size() * rowH + 10, bars);
  }

  private static String oneDecimal(double d) {
    return String.format(Locale.ROOT, "%.1f", d);
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  private static Template compile(String name) {
    Mustache.Compiler compiler = Mustache.compiler()
        .withLoader(partial -> reader(partial + ".html.mustache"))
        // A missing value is a defect of this class, not something to render as nothing.
        .strictSections(false);
    try (Reader r = reader(name)) {
      return compiler.compile(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Reader reader(String name) {
    InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IllegalStateException("the jar lacks " + FOLDER + name);
    }
    return new InputStreamReader(in, StandardCharsets.UTF_8);
  }
}
