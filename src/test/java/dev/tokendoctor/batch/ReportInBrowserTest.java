package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.BatchFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report.html} opened in a real browser (Debian's headless chromium): it renders with no console error, no
 * network request, the expected content in the DOM, and ticket text that stays text. Skipped only where chromium
 * is not installed ({@code apt-get install -y chromium}; {@code .ci/run} installs it).
 */
class ReportInBrowserTest {
  @TempDir Path dir;

  @Test
  void theReportRendersInHeadlessChromiumWithoutErrors() throws Exception {
    String chromium = chromium();
    Assumptions.assumeTrue(chromium != null, "chromium is not installed");
    List<String> lines = new ArrayList<>();
    String[] tools = {"aws-cli/2.22.4 Python/3.12", "Terraform v1.9.8", "boto3\"><i>x</i> 1.35.0"};
    for (int i = 0; i < 30; i++) {
      com.fasterxml.jackson.databind.node.ObjectNode n = (com.fasterxml.jackson.databind.node.ObjectNode)
          BatchFixtures.MAPPER.readTree(line("T-" + i, i % 3 == 0 ? BatchFixtures.healthy() : BatchFixtures.sample()));
      // Created over five weeks; a client tool per ticket; one ticket whose credentials work now.
      n.put("created", java.time.LocalDate.of(2026, 11, 2).plusDays(i % 5 * 7 + i % 3).toString());
      n.put("client tool", tools[i % 3]);
      if (i == 0) {
        n.put("error", "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation");
      }
      lines.add(n.toString());
    }
    lines.add(line("<img src=x onerror=alert(1)>", BatchFixtures.sample()));
    lines.add(line("</title><script>alert(2)</script>", BatchFixtures.healthy()));
    lines.add("{ not json");
    Files.writeString(dir.resolve("tickets.jsonl"), String.join("\n", lines) + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "tickets.jsonl", "--out", "out", "--ticket-url",
        "https://desk.example/tickets/{id}");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    Path report = dir.resolve("out/report.html");

    Browser dom = chromium(chromium, "--dump-dom", report);
    Browser shot = chromium(chromium, "--screenshot=" + dir.resolve("report.png") + " --window-size=1100,1600", report);

    for (Browser b : List.of(dom, shot)) {
      assertThat(b.exit()).as(b.log()).isZero();
      assertThat(b.log()).as("console messages, blocked or failed requests")
          .doesNotContain(":CONSOLE").doesNotContain("Uncaught").doesNotContain("Refused to")
          .doesNotContain("net::ERR_");
    }
    String html = dom.stdout();
    assertThat(html).contains("<svg id=\"chart\"", "Why AWS rejected the credentials: 33 tickets",
        "SESSION_TOKEN_MISSING", "No finding", "Could not be diagnosed", "id=\"figure-no-finding\"",
        "id=\"cause-SESSION_TOKEN_MISSING\"", "&lt;img src=x onerror=alert(1)&gt;",
        "&lt;/title&gt;&lt;script&gt;alert(2)&lt;/script&gt;", "tickets.jsonl:33");
    assertThat(html).doesNotContain("<img").doesNotContain("<script").doesNotContain("<i>x");
    assertThat(html).as("self-contained: nothing loaded from elsewhere").doesNotContainPattern("src=\"(https?:)?//")
        .doesNotContain("<link").contains("Content-Security-Policy");
    assertThat(html).as("the only addresses are the ticket links").doesNotContainPattern("href=\"(?!#|https://desk\\.example/tickets/)");
    String chart = html.substring(html.indexOf("<svg id=\"chart\""), html.indexOf("</svg>"));
    assertThat(count(chart, "<rect ")).as("bars: the cause, credentials work now, no finding, could not be diagnosed")
        .isEqualTo(4);
    // the no-finding share: 10 of 33 tickets (every third sample but the one whose credentials work now, plus the
    // second hostile one)
    assertThat(html).contains("30.3 %", "id=\"figure-works-now\"", "id=\"works-now\"");
    // Causes over time: five weeks of the created dates, a stacked bar per week.
    int weeks = html.indexOf("<svg id=\"weeks-chart\"");
    assertThat(weeks).isPositive();
    String weeksChart = html.substring(weeks, html.indexOf("</svg>", weeks));
    assertThat(weeksChart).contains("2026-W45", "2026-W49");
    assertThat(count(weeksChart, "<rect ")).as("a segment per week and bucket present").isGreaterThanOrEqualTo(5);
    // Causes by client tool and version, the markup in a tool's name escaped.
    assertThat(html).contains("id=\"clients\"", "<code>terraform</code>", "1.9.8", "2.22.4", "boto3\"&gt;&lt;i&gt;x&lt;");
    // Ticket ids are links to the help desk, the hostile one encoded.
    assertThat(html).contains("<a href=\"https://desk.example/tickets/T-1\"><code>T-1</code></a>",
        "https://desk.example/tickets/%3Cimg%20src%3Dx%20onerror%3Dalert%281%29%3E");
    assertThat(html).as("a line too broken to name its ticket has no link").contains("<td><code>tickets.jsonl:33</code></td>");
    byte[] png = Files.readAllBytes(dir.resolve("report.png"));
    assertThat(png.length).isGreaterThan(10_000);
    assertThat(new String(png, 1, 3, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("PNG");
  }

  private static int count(String text, String what) {
    Matcher m = Pattern.compile(Pattern.quote(what)).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  record Browser(int exit, String stdout, String log) {}

  private Browser chromium(String exe, String mode, Path page) throws Exception {
    Path profile = Files.createTempDirectory(dir, "profile");
    Path out = dir.resolve("chromium-" + System.nanoTime() + ".out");
    Path err = dir.resolve("chromium-" + System.nanoTime() + ".err");
    List<String> cmd = new ArrayList<>(List.of(exe, "--headless", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile, "--enable-logging=stderr", "--v=0"));
    cmd.addAll(List.of(mode.split(" ")));
    cmd.add(page.toUri().toString());
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(90, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s");
    }
    return new Browser(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  static String chromium() {
    for (String name : List.of("chromium", "chromium-browser")) {
      for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        Path p = Path.of(d, name);
        if (Files.isExecutable(p)) {
          return p.toString();
        }
      }
    }
    return null;
  }
}
