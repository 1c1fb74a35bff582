package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokendoctor triage}: a ticket's text in, the same report as {@code diagnose} out; bad input is one line and exit 2. */
class TriageCommandTest {
  static final String SKEW = "tickets-samples/clock-skew-cli.txt";
  static final String THIN = "tickets-samples/thin-java-v2.txt";

  @TempDir Path dir;

  @Test
  void textNamesTheCauseAndTheTicketLine() {
    CliRun r = CliRun.of("triage", SKEW, "--format", "text");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(r.out()).startsWith("PROBLEM: The machine's clock is more than 5 minutes off AWS's")
        .contains("Most likely cause: CLOCK_SKEW", "ticket line 8", "15 min behind");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void replyIsTheAnswerToSendForTheTopCauseOnly() {
    CliRun r = CliRun.of("triage", SKEW, "--format", "reply");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(r.out()).contains("clock").doesNotContain("CLOCK_SKEW", "score", "Ruled out", "&amp;", "&lt;")
        .doesNotContainPattern("\\b\\d+ ?(?:h|min) ago");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void aThinTicketIsNeverOkAndAsksQuestions() {
    CliRun r = CliRun.of("triage", THIN, "--format", "reply");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(r.out()).contains("```sh", "tokendoctor collect -o bundle.json");
  }

  @Test
  void jsonAndMarkdown() throws Exception {
    JsonNode j = new ObjectMapper().readTree(CliRun.of("triage", SKEW, "--format", "json").out());
    assertThat(j.get("findings").get(0).get("id").asText()).isEqualTo("CLOCK_SKEW");
    assertThat(CliRun.of("triage", SKEW, "--format", "markdown").out()).startsWith("### tokendoctor: ").contains("CLOCK_SKEW");
  }

  @Test
  void readsStandardInputByDefaultAndWithDash() throws Exception {
    String text = Files.readString(Path.of(SKEW));
    assertThat(CliRun.with(Map.of(), text, "triage", "--format", "json").out()).contains("CLOCK_SKEW");
    assertThat(CliRun.with(Map.of(), text, "triage", "-", "--format", "json").out()).contains("CLOCK_SKEW");
  }

  @Test
  void aThinTicketIsNeverOk() throws Exception {
    CliRun r = CliRun.of("triage", THIN, "--format", "json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("verdict").get("status").asText()).isNotEqualTo("ok");
    assertThat(r.exitCode()).isNotEqualTo(ExitCodes.BAD_INPUT);
    assertThat(CliRun.of("triage", THIN, "--format", "text").out()).contains("InvalidClientTokenId", "not shown by the ticket");
  }

  @Test
  void badInputIsOneLineAndExit2() throws Exception {
    Path latin1 = Files.write(dir.resolve("latin1.txt"), "Gr\u00fc\u00dfe: InvalidClientTokenId".getBytes(StandardCharsets.ISO_8859_1));
    Path utf16 = Files.write(dir.resolve("utf16.txt"), "InvalidClientTokenId".getBytes(StandardCharsets.UTF_16));
    Path empty = Files.write(dir.resolve("empty.txt"), "  \n\n".getBytes(StandardCharsets.UTF_8));
    Path big = Files.write(dir.resolve("big.txt"), new byte[4 * 1024 * 1024 + 10]);
    Path binary = Files.write(dir.resolve("bin.txt"), new byte[] {'a', 0, 'b'});
    assertBad(CliRun.of("triage", latin1.toString()), "latin1.txt: not UTF-8 text");
    assertBad(CliRun.of("triage", utf16.toString()), "utf16.txt: the ticket is UTF-16 text");
    assertBad(CliRun.of("triage", empty.toString()), "empty.txt: the ticket is empty");
    assertBad(CliRun.of("triage", big.toString()), "big.txt: the ticket is larger than 4 MiB");
    assertBad(CliRun.of("triage", binary.toString()), "bin.txt: not a text file");
    assertBad(CliRun.of("triage", dir.resolve("missing.txt").toString()), "missing.txt: no such file");
    assertBad(CliRun.of("triage", dir.toString()), "is a folder, not a ticket file");
    assertBad(CliRun.of("triage", SKEW, "--format", "yaml"), "--format must be");
  }

  private static void assertBad(CliRun r, String message) {
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().lines().findFirst().orElse("")).contains(message);
    assertThat(r.err().lines().count()).isEqualTo(1);
  }

  @Test
  void aUtf8ByteOrderMarkIsFine() throws Exception {
    byte[] text = Files.readAllBytes(Path.of(SKEW));
    byte[] withBom = new byte[text.length + 3];
    withBom[0] = (byte) 0xEF;
    withBom[1] = (byte) 0xBB;
    withBom[2] = (byte) 0xBF;
    System.arraycopy(text, 0, withBom, 3, text.length);
    Path p = Files.write(dir.resolve("bom.txt"), withBom);
    assertThat(CliRun.of("triage", p.toString(), "--format", "json").out()).contains("CLOCK_SKEW");
  }
}
