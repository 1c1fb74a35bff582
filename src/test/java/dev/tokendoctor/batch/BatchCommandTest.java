package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.BatchFixtures.MAPPER;
import static dev.tokendoctor.batch.BatchFixtures.line;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokendoctor batch} end to end, in-process: a mixed input with broken tickets yields one row per ticket. */
class BatchCommandTest {
  @TempDir Path dir;

  @Test
  void mixedInputWithBrokenTicketsYieldsExactlyOneRowPerTicketInInputOrder() throws Exception {
    ObjectNode good = BatchFixtures.sample();
    ObjectNode noSchema = BatchFixtures.sample();
    noSchema.remove("schemaVersion");
    ObjectNode boom = MAPPER.createObjectNode();
    boom.put("ticket", "A-BOOM");
    boom.set("bundle", good);
    boom.putObject("context").put("operation", "Boom");
    ObjectNode pasted = MAPPER.createObjectNode();
    pasted.put("ticket", "A-PASTED");
    pasted.set("bundle", BatchFixtures.healthy().without("stsProbes"));
    pasted.put("error", "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation");
    Files.writeString(dir.resolve("a.jsonl"), String.join("\n",
        line("A-1", good),
        "{\"ticket\": \"A-TRUNCATED\", \"bundle\": {",
        "",
        "{\"bundle\": {}}",
        line("A-NOSCHEMA", noSchema),
        pasted.toString(),
        boom.toString(),
        line("A-2", good)) + "\r\n");
    // gzip recognised by its magic bytes, whatever the name says
    BatchFixtures.gzip(dir.resolve("b.data"), line("B-1", good) + "\n" + line("B-2", BatchFixtures.healthy()));
    Path folder = Files.createDirectories(dir.resolve("bundles/sub"));
    Files.writeString(dir.resolve("bundles/F-1.json"), good.toString());
    Files.writeString(dir.resolve("bundles/F-2.json"), "{ not json");
    Files.writeString(dir.resolve("bundles/README.txt"), "not a ticket");
    BatchFixtures.gzip(folder.resolve("F-3.json.gz"), good.toString());
    String stdin = line("S-1", good) + "\n" + line("S-2", good) + "\n";
    Path rules = BatchFixtures.rulesWith(dir, Map.of("BOOM.drl", dev.tokendoctor.TestRules.BOOM));

    BatchFixtures.Run r = BatchFixtures.run(dir, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        "batch", "a.jsonl", "b.data", "bundles", "-", "--rules", rules.toString(), "--out", "out", "--threads", "3");

    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows).extracting(n -> n.path("source").asText()).containsExactly(
        "a.jsonl:1", "a.jsonl:2", "a.jsonl:4", "a.jsonl:5", "a.jsonl:6", "a.jsonl:7", "a.jsonl:8",
        "b.data:1", "b.data:2",
        "bundles/F-1.json", "bundles/F-2.json", "bundles/sub/F-3.json.gz",
        "<stdin>:1", "<stdin>:2");
    assertThat(rows).extracting(n -> n.path("index").asLong()).containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L,
        10L, 11L, 12L, 13L);
    assertThat(rows).extracting(n -> n.path("ticket").asText()).containsExactly(
        "A-1", "a.jsonl:2", "a.jsonl:4", "A-NOSCHEMA", "A-PASTED", "A-BOOM", "A-2", "B-1", "B-2", "F-1", "F-2",
        "F-3", "S-1", "S-2");
    assertThat(rows).extracting(n -> n.path("error").path("kind").asText(null)).containsExactly(
        null, "malformed-line", "malformed-line", "unreadable-bundle", null, "rule-failure", null, null, null, null,
        "unreadable-bundle", null, null, null);
    assertThat(rows.get(0).path("findings").get(0).path("id").asText()).isEqualTo("SESSION_TOKEN_MISSING");
    assertThat(rows.get(0).path("findings").get(0).path("confidence").asText()).isEqualTo("high");
    assertThat(rows.get(1).path("error").path("message").asText()).startsWith("a.jsonl:2: malformed JSON")
        .doesNotContain("Source:");
    assertThat(rows.get(2).path("error").path("message").asText()).contains("$.ticket: missing");
    assertThat(rows.get(3).path("error").path("message").asText()).contains("$.schemaVersion: missing");
    // the pasted error text reached the rules: the ticket's code is the observed error
    assertThat(rows.get(4).path("verdict").path("status").asText()).isEqualTo("inconclusive");
    assertThat(rows.get(4).path("verdict").path("headline").asText()).contains("SignatureDoesNotMatch");
    assertThat(rows.get(5).path("error").path("message").asText()).contains("boom");
    assertThat(rows.get(8).path("findings")).isEmpty();
    assertThat(rows.get(10).path("error").path("message").asText()).startsWith("bundles/F-2.json");

    List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
    assertThat(csv).hasSize(rows.size() + 1);
    assertThat(csv.get(0)).isEqualTo(Row.CSV_HEADER + ",meta");
    assertThat(csv.get(1)).startsWith("A-1,a.jsonl:1,problem,SESSION_TOKEN_MISSING,high,");

    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    assertThat(summary.path("complete").asBoolean()).isTrue();
    assertThat(summary.path("tickets").asLong()).isEqualTo(14);
    assertThat(summary.path("errors").asLong()).isEqualTo(5);
    assertThat(summary.path("noFinding").asLong()).isEqualTo(2);
    assertThat(summary.path("withFinding").asLong()).isEqualTo(7);
    assertThat(summary.path("causes").get(0).path("id").asText()).isEqualTo("SESSION_TOKEN_MISSING");
    assertThat(summary.path("causes").get(0).path("first").asLong()).isEqualTo(7);
    assertThat(Files.readString(dir.resolve("out/report.html"))).contains("SESSION_TOKEN_MISSING", "A-BOOM");
    assertThat(r.out()).contains("14 tickets: 7 with a finding, 2 with none, 5 could not be diagnosed");
  }

  @Test
  void aRunWithoutBrokenTicketsExitsZeroAndAMissingInputIsAUsageError() throws Exception {
    Files.writeString(dir.resolve("t.jsonl"), line("T-1", BatchFixtures.sample()) + "\n");
    BatchFixtures.Run ok = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out");
    assertThat(ok.exit()).as(ok.err()).isZero();

    BatchFixtures.Run missing = BatchFixtures.run(dir, "batch", "nope.jsonl", "--out", "out2");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).contains("nope.jsonl: no such file or folder");
    assertThat(dir.resolve("out2")).doesNotExist();
  }

  @Test
  void ticketTextCannotBecomeASpreadsheetFormulaOrMarkup() throws Exception {
    Files.writeString(dir.resolve("t.jsonl"), line("=HYPERLINK(\"http://x\")", BatchFixtures.sample()) + "\n"
        + line("<img src=x onerror=alert(1)>", BatchFixtures.sample()) + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    List<String> csv = Files.readAllLines(dir.resolve("out/results.csv"));
    assertThat(csv.get(1)).startsWith("\"'=HYPERLINK(\"\"http://x\"\")\",");
    String html = Files.readString(dir.resolve("out/report.html"));
    // Escaped (jmustache also escapes '=' as &#x3D;): shown as text, never parsed as a tag.
    assertThat(html).contains("&lt;img src").doesNotContain("<img");
  }
}
