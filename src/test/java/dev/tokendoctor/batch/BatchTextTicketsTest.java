package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.BatchFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Batch over what help desks export: JSON lines with the ticket's text (alone or beside a bundle), CSV exports
 * with a header, quoted bodies over several lines and metadata columns; and the output folder of another run.
 */
class BatchTextTicketsTest {
  @TempDir Path dir;

  /** Error texts as customers paste them, one per kind of refusal. */
  static final List<String> TEXTS = List.of(
      "I ran `aws sts get-caller-identity` and got:\nAn error occurred (InvalidClientTokenId) when calling the "
          + "GetCallerIdentity operation: The security token included in the request is invalid.",
      "Terraform says:\r\nError: error configuring Terraform AWS Provider: SignatureDoesNotMatch: The request "
          + "signature we calculated does not match the signature you provided, \"status code: 403\"",
      "boto3 ClientError: An error occurred (ExpiredToken) when calling the ListBuckets operation: The provided "
          + "token has expired.",
      "Hi team, my pipeline fails since Monday, nothing changed on our side; can you check?",
      "An error occurred (AccessDenied) when calling the AssumeRole operation: User: arn:aws:iam::111122223333:user/ci "
          + "is not authorized to perform: sts:AssumeRole");

  @Test
  void aHelpDeskExportOfThousandsOfTextTicketsRunsThroughWithItsMetadata() throws Exception {
    int n = 3000;
    StringBuilder csv = new StringBuilder("\uFEFFTicket ID,Subject,Description,Status,Created time,Contact,Product,Client tool\r\n");
    String[] products = {"CLI", "SDK", "Console"};
    String[] tools = {"aws-cli/2.22.4", "terraform/1.9.8", "boto3/1.35.0", "aws-sdk-java/2.29.0"};
    for (int i = 0; i < n; i++) {
      String body = TEXTS.get(i % TEXTS.size());
      csv.append("T-").append(i).append(",\"Ticket, number ").append(i).append("\",\"")
          .append(body.replace("\"", "\"\"")).append("\",open,2026-11-").append(String.format("%02d", 1 + i % 28))
          .append(" 09:30:00,customer-").append(i % 97).append(',').append(products[i % 3]).append(',')
          .append(tools[i % 4]).append("\r\n");
    }
    Files.writeString(dir.resolve("export.csv"), csv.toString());
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "export.csv", "--out", "out", "--threads", "2");
    assertThat(r.exit()).as(r.err()).isZero();

    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows).hasSize(n);
    for (int i = 0; i < n; i++) {
      JsonNode row = rows.get(i);
      assertThat(row.path("ticket").asText()).isEqualTo("T-" + i);
      assertThat(row.path("error").isNull()).as(row.toString()).isTrue();
      assertThat(row.path("meta").path("Product").asText()).isEqualTo(products[i % 3]);
      assertThat(row.path("meta").path("Client tool").asText()).isEqualTo(tools[i % 4]);
      assertThat(row.path("meta").has("Subject")).as("the subject is text, not metadata").isFalse();
    }
    // The error each text names reached the rules.
    assertThat(rows.get(0).path("verdict").path("headline").asText()).contains("InvalidClientTokenId");
    assertThat(rows.get(1).path("verdict").path("headline").asText()).contains("SignatureDoesNotMatch");
    assertThat(rows.get(2).path("verdict").path("headline").asText()).contains("ExpiredToken");
    // A refusal nobody could explain still says what to ask.
    assertThat(rows.get(0).path("firstQuestion").asText()).contains("$ aws configure list");

    List<List<String>> table = readCsv(dir.resolve("out/results.csv"));
    assertThat(table).hasSize(n + 1);
    assertThat(table.get(0)).containsSubsequence("first_fix", "first_question", "ticket_Status", "Created time",
        "Contact", "Product", "Client tool");
    int product = table.get(0).indexOf("Product");
    int question = table.get(0).indexOf("first_question");
    for (int i = 1; i <= n; i++) {
      assertThat(table.get(i).get(0)).isEqualTo("T-" + (i - 1));
      assertThat(table.get(i).get(product)).isEqualTo(products[(i - 1) % 3]);
    }
    assertThat(table.get(1).get(question)).contains("aws configure list");

    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    assertThat(summary.path("tickets").asLong()).isEqualTo(n);
    long byProduct = 0;
    for (JsonNode v : summary.path("metadata").path("Product")) {
      byProduct += v.path("tickets").asLong();
    }
    assertThat(byProduct).isEqualTo(n);
    // Created dates are counted by ISO week.
    assertThat(summary.path("metadata").path("Created time").findValuesAsText("value")).contains("2026-W45")
        .allMatch(w -> w.matches("2026-W\\d\\d"));
  }

  @Test
  void aQuotedBodyOverSeveralLinesIsOneTicketNamedByTheLineItStartsOn() throws Exception {
    Files.writeString(dir.resolve("z.csv"), "Id,Subject,Description,Product\n"
        + "101,\"CLI, broken\",\"I ran aws s3 ls and got:\n\nAn error occurred (InvalidClientTokenId) when calling the "
        + "ListBuckets operation\n\"\"help\"\"\",cli\n"
        + "102,Terraform,\"Error: SignatureDoesNotMatch\",terraform\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "z.csv", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows).extracting(x -> x.path("source").asText()).containsExactly("z.csv:2", "z.csv:6");
    assertThat(rows.get(0).path("verdict").path("headline").asText()).contains("InvalidClientTokenId");
    assertThat(rows.get(1).path("verdict").path("headline").asText()).contains("SignatureDoesNotMatch");
    assertThat(Files.readAllLines(dir.resolve("out/results.csv"))).hasSize(3);
  }

  @Test
  void theColumnsCanBeChosenAndAMissingOneIsRefusedBeforeAnythingIsWritten() throws Exception {
    Files.writeString(dir.resolve("jira.csv"), "Summary,Issue key,Issue id,Comment,Description,Component/s\n"
        + "login fails,OPS-1,10001,\"An error occurred (ExpiredToken) when calling\",\"see comment\",platform\n");
    BatchFixtures.Run byDefault = BatchFixtures.run(dir, "batch", "jira.csv", "--out", "a");
    assertThat(byDefault.exit()).as(byDefault.err()).isZero();
    JsonNode row = BatchFixtures.results(dir.resolve("a")).get(0);
    assertThat(row.path("ticket").asText()).isEqualTo("OPS-1");
    assertThat(row.path("verdict").path("headline").asText()).doesNotContain("ExpiredToken");

    BatchFixtures.Run chosen = BatchFixtures.run(dir, "batch", "jira.csv", "--out", "b", "--id-column", "Issue id",
        "--text-column", "Summary,Comment", "--meta-columns", "Component/s");
    assertThat(chosen.exit()).as(chosen.err()).isZero();
    JsonNode r2 = BatchFixtures.results(dir.resolve("b")).get(0);
    assertThat(r2.path("ticket").asText()).isEqualTo("10001");
    assertThat(r2.path("verdict").path("headline").asText()).contains("ExpiredToken");
    assertThat(r2.path("meta").properties()).extracting(Map.Entry::getKey).containsExactly("Component/s");
    assertThat(Files.readAllLines(dir.resolve("b/results.csv")).get(0)).endsWith(",first_question,Component/s");

    BatchFixtures.Run missing = BatchFixtures.run(dir, "batch", "jira.csv", "--out", "c", "--text-column", "Body");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err().strip()).isEqualTo("tokendoctor: error: jira.csv: no column 'Body' in its header: "
        + "Summary, Issue key, Issue id, Comment, Description, Component/s");
    assertThat(dir.resolve("c")).doesNotExist();

    Files.writeString(dir.resolve("noid.csv"), "Subject,Body\nx,y\n");
    BatchFixtures.Run noId = BatchFixtures.run(dir, "batch", "noid.csv", "--out", "d");
    assertThat(noId.exit()).isEqualTo(2);
    assertThat(noId.err()).contains("noid.csv: no ticket id column", "--id-column");
  }

  @Test
  void textAndBundleAreMergedAndTheBundleWinsOnConflict() throws Exception {
    ObjectNode machine = BatchFixtures.healthy().without(List.of("stsProbes"));
    ObjectNode both = MAPPER.createObjectNode().put("ticket", "M-1");
    both.set("bundle", machine);
    both.put("text", "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation");
    both.put("customer", "ACME").put("created", "2026-11-30");
    ObjectNode withContext = machine.deepCopy();
    withContext.putObject("ticket").put("errorCode", "ExpiredToken").put("errorText", "ExpiredToken from the bundle");
    ObjectNode conflict = MAPPER.createObjectNode().put("ticket", "M-2");
    conflict.set("bundle", withContext);
    conflict.put("text", "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation");
    conflict.putObject("meta").put("product", "cli");
    ObjectNode textOnly = MAPPER.createObjectNode().put("ticket", "M-3").put("text", "InvalidClientTokenId again");
    Files.writeString(dir.resolve("t.jsonl"), both + "\n" + conflict + "\n" + textOnly + "\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows.get(0).path("verdict").path("headline").asText()).contains("SignatureDoesNotMatch");
    assertThat(rows.get(0).path("meta").path("customer").asText()).isEqualTo("ACME");
    assertThat(rows.get(0).has("warnings")).isFalse();
    assertThat(rows.get(1).path("verdict").path("headline").asText()).contains("ExpiredToken");
    assertThat(rows.get(1).path("meta").path("product").asText()).isEqualTo("cli");
    assertThat(rows.get(2).path("verdict").path("headline").asText()).contains("InvalidClientTokenId");
    assertThat(Files.readAllLines(dir.resolve("out/results.csv")).get(1)).endsWith(",customer=ACME; created=2026-11-30");
  }

  @Test
  void anotherRunsResultsAreNeverOverwrittenWithoutForce() throws Exception {
    Files.writeString(dir.resolve("t.jsonl"), "{\"ticket\": \"A\", \"text\": \"InvalidClientTokenId\"}\n");
    Files.writeString(dir.resolve("u.jsonl"), "{\"ticket\": \"B\", \"text\": \"SignatureDoesNotMatch\"}\n");
    assertThat(BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out").exit()).isZero();
    byte[] before = Files.readAllBytes(dir.resolve("out/results.jsonl"));

    BatchFixtures.Run refused = BatchFixtures.run(dir, "batch", "u.jsonl", "--out", "out");
    assertThat(refused.exit()).isEqualTo(2);
    assertThat(refused.err().strip()).doesNotContain("\n").startsWith("tokendoctor: error: ")
        .contains("already holds the results of a run", "--resume", "--force");
    assertThat(Files.readAllBytes(dir.resolve("out/results.jsonl"))).isEqualTo(before);

    BatchFixtures.Run both = BatchFixtures.run(dir, "batch", "u.jsonl", "--out", "out", "--force", "--resume");
    assertThat(both.exit()).isEqualTo(2);
    assertThat(both.err()).contains("choose one");

    BatchFixtures.Run forced = BatchFixtures.run(dir, "batch", "u.jsonl", "--out", "out", "--force");
    assertThat(forced.exit()).as(forced.err()).isZero();
    assertThat(BatchFixtures.results(dir.resolve("out"))).extracting(x -> x.path("ticket").asText()).containsExactly("B");

    // A folder of other files is not a run: it is written into.
    Files.createDirectories(dir.resolve("mine"));
    Files.writeString(dir.resolve("mine/notes.txt"), "keep");
    assertThat(BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "mine").exit()).isZero();
    assertThat(dir.resolve("mine/notes.txt")).hasContent("keep");
  }

  @Test
  void aLineWithoutBundleTextOrErrorIsStillAnErrorRow() throws Exception {
    Files.writeString(dir.resolve("t.jsonl"), "{\"ticket\": \"E-1\", \"customer\": \"x\"}\n"
        + "{\"ticket\": \"E-2\", \"text\": 42}\n");
    BatchFixtures.Run r = BatchFixtures.run(dir, "batch", "t.jsonl", "--out", "out");
    assertThat(r.exit()).isEqualTo(1);
    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows.get(0).path("error").path("message").asText()).contains("$.bundle: missing", "\"text\"");
    assertThat(rows.get(1).path("error").path("message").asText()).contains("$.text: expected the ticket's text");
  }

  private static List<List<String>> readCsv(Path file) throws Exception {
    List<List<String>> rows = new ArrayList<>();
    try (var it = new CsvMapper().readerForListOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
        .readValues(Files.readString(file, StandardCharsets.UTF_8))) {
      while (it.hasNextValue()) {
        @SuppressWarnings("unchecked")
        List<String> row = (List<String>) it.nextValue();
        rows.add(row);
      }
    }
    return rows;
  }
}
