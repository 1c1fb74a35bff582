package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tokendoctor diagnose}: the contract of PRODUCT.md (formats, exit codes, one-line errors). */
class DiagnoseCommandTest {
  static final String SAMPLE = "facts-samples/session-token-missing.json";

  @Test
  void textPutsTheVerdictFirstThenTheCauseEvidenceAndFix() {
    CliRun r = CliRun.of("diagnose", SAMPLE, "--format", "text");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    String[] lines = r.out().split("\n");
    assertThat(lines[0]).isEqualTo("PROBLEM: A temporary (ASIA) access key is sent without its session token");
    assertThat(r.out()).contains("Most likely cause: SESSION_TOKEN_MISSING", "env AWS_ACCESS_KEY_ID",
        "$ export AWS_SESSION_TOKEN=");
    assertThat(r.out().indexOf("Evidence")).isLessThan(r.out().indexOf("Fix"));
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonHasTheContractFields() throws Exception {
    CliRun r = CliRun.of("diagnose", SAMPLE, "--format", "json");
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("findings").get(0).get("id").asText()).isEqualTo("SESSION_TOKEN_MISSING");
    assertThat(j.has("checks")).isTrue();
    assertThat(j.get("verdict").get("status").asText()).isEqualTo("problem");
    assertThat(j.get("unknowns").isArray()).isTrue();
    assertThat(j.get("tool").get("version").asText()).isNotBlank();
    assertThat(j.get("schemaVersion").asInt()).isEqualTo(1);
  }

  @Test
  void jsonIsTheDefaultOffATerminal() throws Exception {
    CliRun r = CliRun.of("diagnose", SAMPLE);
    assertThat(new ObjectMapper().readTree(r.out()).has("findings")).isTrue();
  }

  @Test
  void markdownIsReadyForATicket() {
    CliRun r = CliRun.of("diagnose", SAMPLE, "--format", "markdown");
    assertThat(r.out()).startsWith("### tokendoctor: ").contains("| Where | What |", "```sh\nexport AWS_SESSION_TOKEN=");
  }

  @Test
  void readsTheBundleFromStandardInput() throws Exception {
    CliRun r = CliRun.with(Map.of(), Files.readString(Path.of(SAMPLE)), "diagnose", "-", "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(r.out()).contains("SESSION_TOKEN_MISSING");
  }

  @Test
  void anEmptyBundleIsInsufficientAndNeverExitsZero() {
    CliRun r = CliRun.with(Map.of(), "{\"schemaVersion\": 1}", "diagnose", "-", "--format", "text");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(r.out()).startsWith("INSUFFICIENT: Too few facts to judge")
        .contains("Not known", "which AWS_* environment variables are set (not collected)",
            "To judge, collect", "tokendoctor collect -o bundle.json");
  }

  @Test
  void aPastedErrorAloneIsInsufficientAndSaysWhatToCollect() throws Exception {
    String ticketOnly = "{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"The security token included in the request is invalid.\","
        + " \"errorCode\": \"InvalidClientTokenId\"}}";
    CliRun r = CliRun.with(Map.of(), ticketOnly, "diagnose", "-", "--format", "json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    JsonNode v = new ObjectMapper().readTree(r.out()).get("verdict");
    assertThat(v.get("status").asText()).isEqualTo("insufficient");
    assertThat(v.get("headline").asText()).contains("InvalidClientTokenId");
    assertThat(v.get("notKnown").toString()).contains("which credentials, region and endpoint each client would use");
    assertThat(v.get("toCollect").size()).isEqualTo(1);
  }

  @Test
  void onlyCredentialsShownToWorkExitZero() throws Exception {
    CliRun healthy = CliRun.of("diagnose", "facts-samples/healthy-static-keys.json", "--format", "json");
    assertThat(healthy.exitCode()).isEqualTo(ExitCodes.OK);
    JsonNode v = new ObjectMapper().readTree(healthy.out()).get("verdict");
    assertThat(v.get("status").asText()).isEqualTo("ok");
    assertThat(v.get("headline").asText()).contains("AWS accepts these credentials");
    assertThat(v.get("notKnown").isEmpty()).isTrue();
  }

  @Test
  void aRefusalThatNoCauseExplainsIsInconclusiveAndExitsOne() throws Exception {
    String bundle = Files.readString(Path.of("facts-samples/healthy-static-keys.json"))
        .replace("\"outcome\": \"ok\", \"httpStatus\": 200", "\"outcome\": \"error\", \"httpStatus\": 403, \"errorCode\": \"AccessDenied\"");
    CliRun r = CliRun.with(Map.of(), bundle, "diagnose", "-", "--format", "text");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(r.out()).startsWith("INCONCLUSIVE: AWS refused the credentials (AccessDenied)");
  }

  @Test
  void aMalformedBundleExitsTwoWithOneLineAndNoOutput() {
    CliRun r = CliRun.with(Map.of(), "{\"schemaVersion\": 1, \"stsProbes\": [{\"httpStatus\": \"x\"}]}", "diagnose", "-");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).isEqualTo(
        "tokendoctor: error: <stdin>: $.stsProbes[0].httpStatus: expected a whole number, got the string \"x\"");
  }

  @Test
  void aMissingFileExitsTwo() {
    CliRun r = CliRun.of("diagnose", "no/such.json");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err().strip()).isEqualTo("tokendoctor: error: no/such.json: no such file");
  }

  @Test
  void anUnknownFormatIsBadUsage() {
    CliRun r = CliRun.of("diagnose", SAMPLE, "--format", "yaml");
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("--format must be text, json, markdown or reply");
  }

  @Test
  void rulesThatDoNotCompileExitTwoNamingFileAndLine(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("BROKEN.drl"), "package tokendoctor.rules;\n\nrule \"BROKEN\"\nwhen\n    Foo( x == )\nthen\nend\n");
    CliRun r = CliRun.of("diagnose", SAMPLE, "--rules", dir.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("tokendoctor: error: the rules do not compile: " + dir + "/BROKEN.drl:5: error: ");
    assertThat(r.err().strip().lines()).hasSize(1);
  }

  @Test
  void theRulesFolderCanComeFromTheEnvironment(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("EMPTY.drl"), "package tokendoctor.rules;\n");
    CliRun r = CliRun.with(Map.of("TOKENDOCTOR_RULES", dir.toString()), "", "diagnose", SAMPLE);
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("no rule was loaded");
  }

  @Test
  void noCommandIsBadUsage() {
    CliRun r = CliRun.of();
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(r.err()).contains("a command is needed");
  }
}
