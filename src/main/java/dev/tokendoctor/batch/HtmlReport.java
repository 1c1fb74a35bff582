package dev.tokendoctor.batch;

import dev.tokendoctor.report.ToolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code report.html}: the whole picture on one page a support lead opens from disk or mails on. Self-contained
 * and static (inline CSS, an inline SVG chart, no script, no network); every text from the input is escaped.
 */
final class HtmlReport {
  private HtmlReport() {}

  /** A bar of the chart. */
  private record Bar(String label, String title, long count, String css) {}

  static String render(Tally t, RunInfo run) {
    StringBuilder h = new StringBuilder(16_384);
    h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
        .append("<title>tokendoctor batch: ").append(t.tickets).append(" tickets</title>\n<style>\n").append(CSS)
        .append("</style>\n</head>\n<body>\n<main>\n");
    h.append("<h1>Why AWS rejected the credentials: ").append(num(t.tickets)).append(" tickets</h1>\n");
    h.append("<p class=\"meta\">").append(esc(ToolVersion.NAME + " " + ToolVersion.version())).append(" &middot; rules: ")
        .append(esc(run.rules())).append(" &middot; inputs: ").append(esc(String.join(", ", run.inputs())))
        .append(" &middot; finished ").append(esc(run.finishedAt().toString())).append("</p>\n");
    if (!run.complete()) {
      h.append("<p class=\"banner\" id=\"interrupted\">This run was interrupted after ").append(num(t.tickets))
          .append(" tickets");
      if (t.last != null) {
        h.append(" (the last was <code>").append(esc(t.last.ticket())).append("</code> from <code>")
            .append(esc(t.last.source())).append("</code>)");
      }
      h.append(". The figures below cover those tickets only; run the same command with <code>--resume</code> to finish.</p>\n");
    }

    h.append("<section class=\"figures\">\n");
    figure(h, "tickets", num(t.tickets), "tickets");
    figure(h, "with-finding", pct(t.share(t.withFinding)), num(t.withFinding) + " with a finding");
    figure(h, "no-finding", pct(t.share(t.noFinding)), num(t.noFinding) + " with no finding");
    figure(h, "errors", pct(t.share(t.errors)), num(t.errors) + " could not be diagnosed");
    h.append("</section>\n");

    List<Tally.Cause> causes = t.causesByFrequency();
    List<Bar> bars = new ArrayList<>();
    for (Tally.Cause c : causes) {
      if (c.first > 0) {
        bars.add(new Bar(c.id, c.title, c.first, "sev-" + c.severity));
      }
    }
    bars.add(new Bar("No finding", "No known cause matched the facts", t.noFinding, "none"));
    bars.add(new Bar("Could not be diagnosed", "Malformed line, unreadable bundle or a rule that failed", t.errors, "error"));
    h.append("<h2>Most likely cause per ticket</h2>\n");
    chart(h, bars, t.tickets);

    h.append("<h2>Causes</h2>\n");
    if (causes.isEmpty()) {
      h.append("<p>No ticket had a finding.</p>\n");
    } else {
      h.append("<table id=\"causes\">\n<thead><tr><th>Cause</th><th>Severity</th><th class=\"n\">Most likely</th>"
          + "<th class=\"n\">Share</th><th class=\"n\">Found at all</th></tr></thead>\n<tbody>\n");
      for (Tally.Cause c : causes) {
        h.append("<tr><td><a href=\"#cause-").append(esc(c.id)).append("\"><code>").append(esc(c.id))
            .append("</code></a><br><span class=\"title\">").append(esc(c.title)).append("</span></td><td>")
            .append(esc(c.severity)).append("</td><td class=\"n\">").append(num(c.first)).append("</td><td class=\"n\">")
            .append(pct(t.share(c.first))).append("</td><td class=\"n\">").append(num(c.any)).append("</td></tr>\n");
      }
      h.append("</tbody>\n</table>\n");
    }

    h.append("<h2>Verdicts</h2>\n<ul class=\"verdicts\">\n");
    t.statuses.forEach((status, count) -> h.append("<li><b>").append(esc(status)).append("</b> ")
        .append(num(count)).append("</li>\n"));
    h.append("</ul>\n");

    h.append("<h2>Tickets per cause</h2>\n");
    for (Tally.Cause c : causes) {
      h.append("<details class=\"cause\" id=\"cause-").append(esc(c.id)).append("\"><summary><code>")
          .append(esc(c.id)).append("</code> &middot; ").append(num(c.any)).append(" tickets (most likely in ")
          .append(num(c.first)).append(")</summary>\n");
      tickets(h, c.tickets, c.any, t.listed(), "Rank", "filter <code>results.csv</code> on <code>causes</code>");
      h.append("</details>\n");
    }
    if (t.noFinding > 0) {
      h.append("<details class=\"cause\" id=\"no-finding\"><summary>No finding &middot; ").append(num(t.noFinding))
          .append(" tickets (candidates for a new rule)</summary>\n");
      tickets(h, t.noFindingRows, t.noFinding, t.listed(), "Verdict", "filter <code>results.csv</code> on an empty <code>causes</code>");
      h.append("</details>\n");
    }
    if (t.errors > 0) {
      h.append("<h2 id=\"errors\">Tickets that could not be diagnosed</h2>\n<ul class=\"verdicts\">\n");
      t.errorKinds.forEach((kind, count) -> h.append("<li><b>").append(esc(kind)).append("</b> ")
          .append(num(count)).append("</li>\n"));
      h.append("</ul>\n");
      tickets(h, t.errorRows, t.errors, t.listed(), "Reason", "filter <code>results.csv</code> on <code>status</code> = error");
    }
    h.append("<footer>Full results: <code>results.jsonl</code>, <code>results.csv</code>; counts: "
        + "<code>summary.json</code>. Diagnose one ticket in full with <code>tokendoctor diagnose</code>.</footer>\n");
    h.append("</main>\n</body>\n</html>\n");
    return h.toString();
  }

  private static void figure(StringBuilder h, String id, String big, String label) {
    h.append("<div class=\"figure\" id=\"figure-").append(id).append("\"><span class=\"big\">").append(big)
        .append("</span><span class=\"label\">").append(esc(label)).append("</span></div>\n");
  }

  private static void tickets(StringBuilder h, List<Tally.Listed> listed, long total, int cap, String noteHeader,
      String more) {
    h.append("<table class=\"tickets\"><thead><tr><th>Ticket</th><th>Source</th><th>").append(noteHeader)
        .append("</th></tr></thead>\n<tbody>\n");
    for (Tally.Listed l : listed) {
      h.append("<tr><td><code>").append(esc(l.ticket())).append("</code></td><td>").append(esc(l.source()))
          .append("</td><td>").append(esc(l.note())).append("</td></tr>\n");
    }
    h.append("</tbody></table>\n");
    if (total > listed.size()) {
      h.append("<p class=\"more\">The first ").append(num(cap)).append(" are listed; ")
          .append(num(total - listed.size())).append(" more: ").append(more).append(".</p>\n");
    }
  }

  /** Horizontal bars in inline SVG: one row per bar, its count and share written beside it. */
  private static void chart(StringBuilder h, List<Bar> bars, long total) {
    int rowH = 26;
    int labelW = 300;
    int barW = 480;
    int width = labelW + barW + 140;
    int height = bars.size() * rowH + 10;
    long max = Math.max(1, bars.stream().mapToLong(Bar::count).max().orElse(1));
    h.append("<svg id=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ").append(width).append(' ')
        .append(height).append("\" width=\"100%\" role=\"img\" aria-label=\"Tickets per most likely cause\">\n");
    for (int i = 0; i < bars.size(); i++) {
      Bar b = bars.get(i);
      int y = 5 + i * rowH;
      double w = b.count() == 0 ? 0 : Math.max(2, (double) b.count() / max * barW);
      h.append("<g class=\"bar ").append(b.css()).append("\"><title>").append(esc(b.label() + ": " + b.title()))
          .append("</title>");
      h.append("<text x=\"").append(labelW - 8).append("\" y=\"").append(y + 17).append("\" text-anchor=\"end\">")
          .append(esc(b.label())).append("</text>");
      h.append("<rect x=\"").append(labelW).append("\" y=\"").append(y + 3).append("\" width=\"")
          .append(String.format(Locale.ROOT, "%.1f", w)).append("\" height=\"").append(rowH - 8).append("\" rx=\"3\"/>");
      h.append("<text class=\"count\" x=\"").append(String.format(Locale.ROOT, "%.1f", labelW + w + 6)).append("\" y=\"")
          .append(y + 17).append("\">").append(num(b.count())).append(" (")
          .append(pct(total == 0 ? 0 : (double) b.count() / total)).append(")</text></g>\n");
    }
    h.append("</svg>\n");
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n);
  }

  static String pct(double share) {
    return String.format(Locale.ROOT, "%.1f %%", share * 100);
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  private static final String CSS = """
      body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 0; background: #f6f8fa; }
      main { max-width: 1000px; margin: 0 auto; padding: 24px; background: #fff; }
      h1 { font-size: 24px; margin: 0 0 4px; }
      h2 { font-size: 18px; margin: 28px 0 8px; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
      .meta { color: #57606a; font-size: 13px; margin: 0 0 16px; }
      .banner { background: #fff8c5; border: 1px solid #d4a72c; padding: 10px 12px; border-radius: 6px; }
      .figures { display: flex; gap: 12px; flex-wrap: wrap; }
      .figure { flex: 1 1 180px; border: 1px solid #d0d7de; border-radius: 6px; padding: 10px 14px; }
      .figure .big { display: block; font-size: 26px; font-weight: 600; }
      .figure .label { color: #57606a; }
      #figure-no-finding .big { color: #6e7781; }
      #figure-errors .big { color: #a40e26; }
      svg text { font: 13px system-ui, sans-serif; fill: #1f2328; }
      svg text.count { fill: #57606a; }
      .bar rect { fill: #0969da; }
      .bar.sev-error rect { fill: #cf222e; }
      .bar.sev-warning rect { fill: #bf8700; }
      .bar.sev-info rect { fill: #0969da; }
      .bar.none rect { fill: #8c959f; }
      .bar.error rect { fill: #6639ba; }
      table { border-collapse: collapse; width: 100%; margin: 6px 0; }
      th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid #eaeef2; vertical-align: top; }
      th.n, td.n { text-align: right; }
      .title { color: #57606a; font-size: 13px; }
      code { font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
      details.cause { border: 1px solid #d0d7de; border-radius: 6px; padding: 6px 10px; margin: 6px 0; }
      details.cause summary { cursor: pointer; }
      .verdicts { list-style: none; padding: 0; display: flex; gap: 18px; flex-wrap: wrap; }
      .more { color: #57606a; font-size: 13px; }
      footer { margin-top: 28px; color: #57606a; font-size: 13px; }
      """;
}
