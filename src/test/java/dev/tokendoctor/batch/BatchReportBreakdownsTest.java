package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.BatchFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What report.html and summary.json add for a support lead: the most likely causes per week created, per client
 * tool and version, the tickets whose credentials work now kept apart from "no rule matched", and ticket ids
 * linked to the help desk.
 */
class BatchReportBreakdownsTest {
  @TempDir Path dir;

  static final String REFUSAL = "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity "
      + "operation: The security token included in the request is invalid.";

  /** A JSON line with metadata members. */
  static String line(String id, JsonNode bundle, String error, Map<String, String> meta) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ticket", id);
    n.set("bundle", bundle);
    if (error != null) {
      n.put("error", error);
    }
    meta.forEach(n::put);
    return n.toString();
  }

  @Test
  void causesAreCountedByWeekCreatedAndByClientToolAndVersion() throws Exception {
    // Six weeks of tickets (one empty), three clients over two versions each, dates as three exports write them.
    String[] tools = {"aws-cli/2.22.4 Python/3.12.6", "Terraform v1.9.8", "boto3 1.35.0", "aws-cli/2.15.0 Python/3.11"};
    LocalDate monday = LocalDate.of(2026, 10, 5);
    List<String> lines = new ArrayList<>();
    Map<String, Long> perWeek = new HashMap<>();
    int n = 120;
    for (int i = 0; i < n; i++) {
      int week = i % 6 == 3 ? 4 : i % 6; // week 3 stays empty
      LocalDate d = monday.plusWeeks(week).plusDays(i % 5);
      String created = switch (i % 3) {
        case 0 -> d + "T09:30:00Z";
        case 1 -> String.format("%02d/%02d/%d 9:30 AM", d.getMonthValue(), d.getDayOfMonth(), d.getYear());
        default -> d.getDayOfMonth() + " " + d.getMonth().toString().substring(0, 3) + " " + d.getYear();
      };
      perWeek.merge(CreatedDates.week(d), 1L, Long::sum);
      boolean healthy = i % 4 == 0;
      lines.add(line("T-" + i, healthy ? BatchFixtures.healthy() : BatchFixtures.sample(), null,
          Map.of("created", created, "client tool", tools[i % 4])));
    }
    Files.writeString(dir.resolve("t.jsonl"), String.join("\n", lines) + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();

    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    JsonNode byWeek = summary.path("byWeek");
    assertThat(byWeek.path("column").asText()).isEqualTo("created");
    assertThat(byWeek.path("dated").asLong()).isEqualTo(n);
    assertThat(byWeek.path("undated").asLong()).isZero();
    List<String> weeks = byWeek.path("weeks").findValuesAsText("week");
    assertThat(weeks).containsExactly("2026-W41", "2026-W42", "2026-W43", "2026-W44", "2026-W45", "2026-W46");
    long total = 0;
    for (JsonNode w : byWeek.path("weeks")) {
      assertThat(w.path("tickets").asLong()).as(w.toString()).isEqualTo(perWeek.getOrDefault(w.path("week").asText(), 0L));
      long causes = 0;
      for (JsonNode c : w.path("causes")) {
        causes += c.asLong();
      }
      assertThat(causes).as("each ticket counts once, under its most likely cause").isEqualTo(w.path("tickets").asLong());
      total += w.path("tickets").asLong();
    }
    assertThat(total).isEqualTo(n);
    assertThat(byWeek.path("weeks").get(3).path("tickets").asLong()).as("an empty week is shown").isZero();
    assertThat(byWeek.path("weeks").get(0).path("causes").path("SESSION_TOKEN_MISSING").asLong()).isPositive();
    assertThat(byWeek.path("weeks").get(0).path("causes").path("(no rule matched)").asLong()).isPositive();

    Map<String, JsonNode> clients = new HashMap<>();
    summary.path("byClient").forEach(c -> clients.put(c.path("tool").asText(), c));
    assertThat(clients).containsOnlyKeys("aws-cli", "terraform", "boto3");
    assertThat(clients.get("aws-cli").path("tickets").asLong()).isEqualTo(n / 2);
    assertThat(clients.get("aws-cli").path("versions").findValuesAsText("version")).containsExactlyInAnyOrder("2.22.4", "2.15.0");
    assertThat(clients.get("terraform").path("versions").get(0).path("version").asText()).isEqualTo("1.9.8");
    // aws-cli/2.22.4 is every fourth ticket from 0: the healthy ones, no rule matched.
    JsonNode v2224 = clients.get("aws-cli").path("versions").findParents("version").stream()
        .filter(v -> v.path("version").asText().equals("2.22.4")).findFirst().orElseThrow();
    assertThat(v2224.path("causes").path("(no rule matched)").asLong()).isEqualTo(n / 4);
    assertThat(clients.get("boto3").path("causes").path("SESSION_TOKEN_MISSING").asLong()).isEqualTo(n / 4);
    assertThat(summary.path("noClient").asLong()).isZero();

    String html = Files.readString(dir.resolve("out/report.html"));
    assertThat(html).contains("id=\"weeks-chart\"", "id=\"weeks\"", "2026-W43", "from the column <code>created</code>",
        "id=\"clients\"", "<code>terraform</code>", "1.9.8", "2.15.0").doesNotContain("id=\"no-dates\"");
  }

  @Test
  void aCsvExportWithoutACreatedColumnSaysSoPlainlyAndClientsComeFromItsColumns() throws Exception {
    Files.writeString(dir.resolve("e.csv"), "Id,Subject,Description,SDK,SDK version\n"
        + "1,login,\"" + REFUSAL + "\",Boto3,1.34.2\n"
        + "2,deploy,\"Error: SignatureDoesNotMatch\",AWS CLI,2.9.0\n"
        + "3,other,\"nothing pasted\",,\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "e.csv", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    assertThat(summary.path("byWeek").path("column").isNull()).isTrue();
    assertThat(summary.path("byWeek").path("undated").asLong()).isEqualTo(3);
    assertThat(summary.path("byWeek").path("weeks")).isEmpty();
    assertThat(summary.path("byClient").findValuesAsText("tool")).containsExactlyInAnyOrder("boto3", "aws-cli");
    assertThat(summary.path("byClient").findValuesAsText("version")).containsExactlyInAnyOrder("1.34.2", "2.9.0");
    assertThat(summary.path("noClient").asLong()).isEqualTo(1);
    String html = Files.readString(dir.resolve("out/report.html"));
    assertThat(html).contains("id=\"no-dates\"", "No created date").doesNotContain("id=\"weeks-chart\"");
    // results.csv carries the metadata columns and the first fix column.
    assertThat(Files.readAllLines(dir.resolve("out/results.csv")).get(0)).contains(",first_fix,", ",SDK,SDK version");
  }

  @Test
  void aCreatedColumnWithNoDateThisReportReadsIsNamedOnThePage() throws Exception {
    Files.writeString(dir.resolve("e.csv"), "Id,Description,Created\n1,\"" + REFUSAL + "\",last Tuesday\n2,x,soon\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "e.csv", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode byWeek = MAPPER.readTree(dir.resolve("out/summary.json").toFile()).path("byWeek");
    assertThat(byWeek.path("column").asText()).isEqualTo("Created");
    assertThat(byWeek.path("unreadableDates").asLong()).isEqualTo(2);
    assertThat(Files.readString(dir.resolve("out/report.html"))).contains("id=\"no-dates\"",
        "in the column <code>Created</code> (2 unreadable)").doesNotContain("id=\"weeks-chart\"");
  }

  @Test
  void ticketsWhoseCredentialsWorkNowAreABucketApartFromNoRuleMatched() throws Exception {
    List<String> lines = List.of(
        // AWS accepts the credentials found, yet the ticket pastes a refusal of them: credentials work now.
        line("works-1", BatchFixtures.healthy(), REFUSAL, Map.of()),
        line("works-2", BatchFixtures.healthy(), "botocore.exceptions.ClientError: An error occurred (SignatureDoesNotMatch)", Map.of()),
        // Near misses: nothing pasted; a pasted error that is not a refusal of the credentials.
        line("quiet", BatchFixtures.healthy(), null, Map.of()),
        line("denied", BatchFixtures.healthy(), "An error occurred (AccessDenied) when calling the AssumeRole operation",
            Map.of()),
        // A refusal with a cause found is that cause, not "credentials work now".
        line("cause", BatchFixtures.sample(), REFUSAL, Map.of()));
    Files.writeString(dir.resolve("t.jsonl"), String.join("\n", lines) + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(r.out()).contains("2 whose credentials work now");

    Map<String, JsonNode> rows = new HashMap<>();
    BatchFixtures.results(dir.resolve("out")).forEach(x -> rows.put(x.path("ticket").asText(), x));
    assertThat(rows.get("works-1").path("credentialsWorkNow").asBoolean()).isTrue();
    assertThat(rows.get("works-2").path("credentialsWorkNow").asBoolean()).isTrue();
    for (String not : List.of("quiet", "denied", "cause")) {
      assertThat(rows.get(not).has("credentialsWorkNow")).as(not).isFalse();
    }
    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    assertThat(summary.path("credentialsWorkNow").asLong()).isEqualTo(2);
    assertThat(summary.path("noFinding").asLong()).as("quiet and denied only").isEqualTo(2);
    assertThat(summary.path("withFinding").asLong()).isEqualTo(1);

    String html = Files.readString(dir.resolve("out/report.html"));
    String worksNow = between(html, "id=\"works-now\"", "</details>");
    String noFinding = between(html, "id=\"no-finding\"", "</details>");
    assertThat(worksNow).contains("works-1", "works-2").doesNotContain("quiet", "denied");
    assertThat(noFinding).contains("quiet", "denied").doesNotContain("works-1", "works-2");
    assertThat(html).contains("id=\"figure-works-now\"");
  }

  @Test
  void ticketIdsLinkToTheHelpDeskWithTheIdEncoded() throws Exception {
    List<String> lines = List.of(line("T 1/a?b&c", BatchFixtures.sample(), null, Map.of()),
        line("\"><script>x</script>", BatchFixtures.healthy(), null, Map.of()));
    Files.writeString(dir.resolve("t.jsonl"), String.join("\n", lines) + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out", "--ticket-url",
        "https://desk.example/tickets/{id}");
    assertThat(r.exit()).as(r.err()).isZero();
    String html = Files.readString(dir.resolve("out/report.html"));
    assertThat(html).contains("<a href=\"https://desk.example/tickets/T%201%2Fa%3Fb%26c\"><code>T 1/a?b&amp;c</code></a>",
        "<a href=\"https://desk.example/tickets/%22%3E%3Cscript%3Ex%3C%2Fscript%3E\">")
        .doesNotContain("<script>");

    BatchFixtures.Run plain = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "plain");
    assertThat(plain.exit()).isZero();
    assertThat(Files.readString(dir.resolve("plain/report.html"))).doesNotContain("<a href=\"http");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "javascript:alert(1)//{id}|must start with https:// or http://",
      "file:///tmp/{id}|must start with https:// or http://",
      "ftp://desk.example/{id}|must start with https:// or http://",
      "https://desk.example/tickets/|must hold {id} exactly once",
      "https://desk.example/{id}/{id}|must hold {id} exactly once",
      "https:///{id}|names no host",
      "https://desk.example/a b/{id}|is not a URL",
      "https://agent:hunter2@desk.example/{id}|must not carry a user name or password"})
  void aTicketUrlThatIsNotAnHttpAddressWithOneIdIsRefusedBeforeAnythingIsWritten(String url, String why) throws Exception {
    Files.writeString(dir.resolve("t.jsonl"), line("T-1", BatchFixtures.sample(), null, Map.of()) + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out", "--ticket-url", url);
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("tokendoctor: error: --ticket-url: ").contains(why).doesNotContain("\n")
        .doesNotContain("hunter2");
    assertThat(dir.resolve("out")).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "2026-11-23|2026-11-23", "2026-11-23T23:59:59-08:00|2026-11-23", "2026-11-23 09:30:00|2026-11-23",
      "2026/11/23|2026-11-23", "23.11.2026 10:00|2026-11-23", "11/23/2026 9:30 AM|2026-11-23",
      "23/11/2026|2026-11-23", "03/04/2026|2026-03-04", "23/Nov/26 9:30 AM|2026-11-23", "Nov 23, 2026|2026-11-23",
      "23 November 2026|2026-11-23", "1795392000|2026-11-23", "1795392000000|2026-11-23"})
  void createdDatesAreReadInTheFormsExportsWrite(String value, String date) {
    assertThat(CreatedDates.parse(value)).isEqualTo(LocalDate.parse(date));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "yesterday", "2026-13-40", "32/11/2026", "soon after lunch", "''", "12345"})
  void aValueThatIsNoDateIsNone(String value) {
    assertThat(CreatedDates.parse(value)).isNull();
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', nullValues = "null", value = {
      "aws-cli/2.22.4 Python/3.12.6 Linux/6.1 exe/x86_64|aws-cli|2.22.4",
      "Terraform v1.9.8|terraform|1.9.8",
      "boto3 1.35.0|boto3|1.35.0",
      "Boto3/1.34.2 Python/3.11|boto3|1.34.2",
      "AWS CLI|aws-cli|null",
      "cdk|aws-cdk|null",
      "aws-sdk-java/2.29.0|aws-sdk-java-v2|2.29.0",
      "aws-sdk-java/1.12.700|aws-sdk-java|1.12.700",
      "aws-sdk-js/3.500.0|aws-sdk-js-v3|3.500.0",
      "Serverless Framework|serverless|null"})
  void clientToolColumnsAreNamedAsTheFactsNameThem(String value, String tool, String version) {
    assertThat(ClientTools.fromMeta(Map.of("Client tool", value))).isEqualTo(new Row.Client(tool, version));
  }

  @Test
  void aVersionColumnCompletesTheToolColumn() {
    Map<String, String> meta = new java.util.LinkedHashMap<>();
    meta.put("Client version", "v2.15.0");
    meta.put("Tool", "aws-cli");
    assertThat(ClientTools.fromMeta(meta)).isEqualTo(new Row.Client("aws-cli", "2.15.0"));
    assertThat(ClientTools.fromMeta(Map.of("Product", "CLI"))).as("product is not the client tool").isNull();
  }

  @Test
  void aResumedRunCountsTheClientAndTheCredentialsWorkNowOfTheRowsDoneBefore() {
    Row row = new Row(3, "T-3", "t.jsonl:4", "inconclusive", "AWS refused", List.of(), List.of(), null, null,
        Map.of("created", "2026-11-23"), null, null, new Row.Client("aws-cli", "2.22.4"), true);
    Row back = Row.fromJson(row.toJson(MAPPER));
    assertThat(back.client()).isEqualTo(row.client());
    assertThat(back.worksNow()).isTrue();
    Breakdowns b = new Breakdowns();
    b.add(back);
    assertThat(b.weeks.firstEntry().getValue().causes).containsEntry(Breakdowns.WORKS_NOW, 1L);
    assertThat(b.tools).containsOnlyKeys("aws-cli");
  }

  private static String between(String html, String start, String end) {
    int i = html.indexOf(start);
    assertThat(i).as(start).isNotNegative();
    return html.substring(i, html.indexOf(end, i));
  }
}
