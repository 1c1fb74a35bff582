package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The authoring loop as a support engineer lives it, through the real entry point: a copy of the project's
 * rules and samples in a folder of their own, edited there, and checked, tested and used with no build step.
 */
class RulesCommandTest {
  static final Path NEW_CAUSE = Path.of("src/test/resources/authoring/new-cause");

  @TempDir Path work;

  record Run(int code, String out, String err) {}

  @BeforeEach
  void copyTheProject() throws IOException {
    copyTree(Path.of("rules"), work.resolve("rules"));
    copyTree(Path.of("facts-samples"), work.resolve("facts-samples"));
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
        Map.of(), work, work, Clock.fixed(Instant.parse("2026-11-28T12:00:00Z"), ZoneOffset.UTC), false);
    int code = Main.run(ctx, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** Adds the worked example of rules/README.md: a cause the catalog does not have yet. */
  void addNewCause() throws IOException {
    Files.writeString(work.resolve("rules/causes.csv"),
        "ROOT_USER_ACCESS_KEY,identity-time,The credentials are an access key of the account's root user\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path folder = Files.createDirectories(work.resolve("rules/identity-time"));
    Files.copy(NEW_CAUSE.resolve("ROOT_USER_ACCESS_KEY.drl"), folder.resolve("ROOT_USER_ACCESS_KEY.drl"));
    Files.copy(NEW_CAUSE.resolve("ROOT_USER_ACCESS_KEY.scenarios.json"), folder.resolve("ROOT_USER_ACCESS_KEY.scenarios.json"));
    Files.copy(NEW_CAUSE.resolve("ROOT_USER_ACCESS_KEY.templates.md"), folder.resolve("ROOT_USER_ACCESS_KEY.templates.md"));
    Files.copy(NEW_CAUSE.resolve("root-user-access-key.json"), work.resolve("facts-samples/root-user-access-key.json"));
  }

  @Test
  void aNewCauseIsCheckedTestedAndDiagnosedWithNoBuildStep() throws IOException {
    addNewCause();

    Run check = run("rules", "check", "--rules", "rules");
    assertThat(check.code()).as(check.out() + check.err()).isZero();
    assertThat(check.out()).doesNotContain("ROOT_USER_ACCESS_KEY").contains("rules check: rules: ").contains(" 0 errors");
    // No shipped rule fires on the reference tables alone: that would turn session reuse off for every rule (issue 16).
    assertThat(check.out()).doesNotContain("the reference tables alone");

    Run noGolden = run("rules", "test", "--rules", "rules", "--only", "ROOT_USER_ACCESS_KEY");
    assertThat(noGolden.code()).isEqualTo(1);
    assertThat(noGolden.out()).contains("no golden file rules/identity-time/ROOT_USER_ACCESS_KEY.expected.md holds the wording of "
        + "ROOT_USER_ACCESS_KEY: run `tokendoctor rules test --update` and review it");

    Run update = run("rules", "test", "--rules", "rules", "--only", "ROOT_USER_ACCESS_KEY", "--update");
    assertThat(update.code()).as(update.out() + update.err()).isZero();
    assertThat(update.out()).contains("wrote rules/identity-time/ROOT_USER_ACCESS_KEY.expected.md");
    assertThat(work.resolve("rules/identity-time/ROOT_USER_ACCESS_KEY.expected.md")).content().contains(
        "- `STS us-east-1 (no session token) -> 200 OK arn:aws:iam::123456789012:root`: AWS says the caller is arn:aws:iam::123456789012:root, "
        + "the root user of account 123456789012",
        "- Work as an IAM Identity Center or IAM user instead, then delete the root user's access key (signed in as root):",
        "      $ aws iam delete-access-key --access-key-id <the root key id>");

    Run test = run("rules", "test", "--rules", "rules");
    assertThat(test.code()).as(test.out() + test.err()).isZero();
    assertThat(test.out())
        .contains("pass  ROOT_USER_ACCESS_KEY ", "near miss: the same machine with an IAM user's key")
        .contains("pass  SESSION_TOKEN_MISSING ")
        .doesNotContainPattern("(?m)^FAIL ");  // a line that failed, not a cause id such as CREDENTIAL_PROCESS_FAILED

    Run only = run("rules", "test", "--rules", "rules", "--only", "ROOT_USER_ACCESS_KEY");
    assertThat(only.code()).isZero();
    assertThat(only.out()).contains("3 scenarios: 3 passed, 0 failed").doesNotContain("SESSION_TOKEN_MISSING");

    Run list = run("rules", "list", "--rules", "rules", "--format", "json");
    assertThat(list.code()).isZero();
    assertThat(list.out()).contains("\"id\" : \"ROOT_USER_ACCESS_KEY\"", "\"file\" : \"rules/identity-time/ROOT_USER_ACCESS_KEY.drl\"",
        "\"scenarios\" : 3");

    Run diagnose = run("diagnose", "facts-samples/root-user-access-key.json", "--rules", "rules", "--format", "json");
    assertThat(diagnose.code()).as(diagnose.err()).isZero(); // a warning, not an error
    assertThat(diagnose.out()).contains("\"id\" : \"ROOT_USER_ACCESS_KEY\"");
    Run shipped = run("diagnose", "facts-samples/root-user-access-key.json", "--format", "json");
    assertThat(shipped.out()).as("the built-in rules do not know the new cause").doesNotContain("ROOT_USER_ACCESS_KEY");
  }

  @Test
  void aWordingChangeFailsWithADiffUntilItIsAcceptedWithUpdate() throws IOException {
    Path templates = work.resolve("rules/identity-time/CLOCK_SKEW.templates.md");
    Files.writeString(templates, Files.readString(templates).replace("AWS says: {{message}}", "AWS answers: \"{{message}}\""));

    Run test = run("rules", "test", "--rules", "rules", "--only", "CLOCK_SKEW");
    assertThat(test.code()).isEqualTo(1);
    assertThat(test.out()).contains("the wording of CLOCK_SKEW differs from rules/identity-time/CLOCK_SKEW.expected.md "
        + "(a change on purpose: run `tokendoctor rules test --update`):")
        .containsPattern("line \\d+ - - `STS us-east-1 \\(no session token\\) -> 403 SignatureDoesNotMatch`: AWS says: Signature expired")
        .containsPattern("line \\d+ \\+ - `STS us-east-1 \\(no session token\\) -> 403 SignatureDoesNotMatch`: AWS answers: \"Signature expired");

    assertThat(run("rules", "test", "--rules", "rules", "--only", "CLOCK_SKEW", "--update").code()).isZero();
    assertThat(work.resolve("rules/identity-time/CLOCK_SKEW.expected.md")).content().contains("AWS answers: \"Signature expired");
    assertThat(run("rules", "test", "--rules", "rules", "--only", "CLOCK_SKEW").code()).isZero();
    assertThat(run("rules", "test", "--update").code()).as("the built-in rules are read-only").isEqualTo(2);
  }

  @Test
  void aNewRuleWhoseCauseIsNotOnTheListIsAnError() throws IOException {
    addNewCause();
    String list = Files.readString(work.resolve("rules/causes.csv"));
    Files.writeString(work.resolve("rules/causes.csv"), list.substring(0, list.indexOf("ROOT_USER_ACCESS_KEY")));

    Run check = run("rules", "check", "--rules", "rules");
    assertThat(check.code()).isEqualTo(2);
    assertThat(check.out()).contains("rules/identity-time/ROOT_USER_ACCESS_KEY.drl:18: error: rule \"ROOT_USER_ACCESS_KEY\": the cause id "
        + "ROOT_USER_ACCESS_KEY is not on the cause list rules/causes.csv");
    assertThat(check.err()).contains("tokendoctor: error: the rules have");
  }

  @Test
  void aSyntaxErrorIsReportedAtItsFileAndLineWithExitCode2() throws IOException {
    Path rule = work.resolve("rules/temporary-credentials/SESSION_TOKEN_MISSING.drl");
    // The first rule's only condition loses its ')': the line of its 'then' is reported.
    Files.writeString(rule, Files.readString(rule).replaceFirst("Sent\\( temporary, !tokenPresent \\)\n", "Sent( temporary, !tokenPresent\n"));

    Run check = run("rules", "check", "--rules", "rules");
    assertThat(check.code()).isEqualTo(2);
    assertThat(check.out()).contains("rules/temporary-credentials/SESSION_TOKEN_MISSING.drl:32: error: the 'when' part is not "
        + "finished where 'then' starts: look above for a '(' without its ')'");
    assertThat(check.out()).doesNotContain("ERR 102");

    Run verbose = run("rules", "check", "--rules", "rules", "--verbose");
    assertThat(verbose.out()).contains("the rule compiler said: [ERR 102] Line 32:0 mismatched input 'then'");

    Run test = run("rules", "test", "--rules", "rules");
    assertThat(test.code()).isEqualTo(2);
    assertThat(test.err()).contains("rules/temporary-credentials/SESSION_TOKEN_MISSING.drl:32: error:");

    Run diagnose = run("diagnose", "facts-samples/session-token-missing.json", "--rules", "rules");
    assertThat(diagnose.code()).isEqualTo(2);
    assertThat(diagnose.err()).contains("SESSION_TOKEN_MISSING.drl:32");
  }

  @Test
  void aFailingScenarioShowsWhatFiredWhatWasFoundAndWhatDidNotHold() throws IOException {
    Path scenarios = work.resolve("rules/temporary-credentials/SESSION_TOKEN_MISSING.scenarios.json");
    Files.writeString(scenarios, Files.readString(scenarios).replace(
        "\"change\": { \"/credentials/0/keyId/prefix\": \"AKIA\" },", "\"change\": { \"/credentials/0/keyId/prefix\": \"ASIA\" },"));

    Run test = run("rules", "test", "--rules", "rules", "--only", "SESSION_TOKEN_MISSING");
    assertThat(test.code()).isEqualTo(1);
    assertThat(test.out())
        .contains("FAIL  SESSION_TOKEN_MISSING  near miss: a long-term AKIA key needs no token")
        .contains("at rules/temporary-credentials/SESSION_TOKEN_MISSING.scenarios.json:18")
        .contains("failed: expected no SESSION_TOKEN_MISSING, but it was found (rank 1)")
        .contains("found:  1. SESSION_TOKEN_MISSING  score 150 (")
        .containsPattern("fired:  .*SESSION_TOKEN_MISSING.*\\(and \\d+ ranking rule firings; --verbose lists them\\)")
        .containsPattern("\\d+ scenarios: \\d+ passed, 1 failed");
    Run verbose = run("rules", "test", "--rules", "rules", "--only", "SESSION_TOKEN_MISSING", "--verbose");
    assertThat(verbose.out()).contains("RANK severity");
  }

  @Test
  void aMisspeltChangeFailsTheScenarioInsteadOfTestingTheUnchangedSample() throws IOException {
    Path scenarios = work.resolve("rules/temporary-credentials/SESSION_TOKEN_MISSING.scenarios.json");
    Files.writeString(scenarios, Files.readString(scenarios).replace("/credentials/0/keyId/prefix", "/credentials/0/keyId/prefx"));

    Run test = run("rules", "test", "--rules", "rules");
    assertThat(test.code()).isEqualTo(1);
    assertThat(test.out()).contains("$.credentials[0].keyId.prefx: the bundle has no such field (check the JSON Pointers in \"change\")");
  }

  @Test
  void onlyNamesACauseThatHasScenarios() {
    Run test = run("rules", "test", "--rules", "rules", "--only", "NO_SUCH_CAUSE");
    assertThat(test.code()).isEqualTo(2);
    assertThat(test.err()).contains("--only NO_SUCH_CAUSE: no scenario tests it in rules");
  }

  @Test
  void theBuiltInRulesAndSamplesWorkWithoutAnyFolder() {
    Run test = run("rules", "test");
    assertThat(test.code()).as(test.out() + test.err()).isZero();
    assertThat(test.out()).contains("pass  SESSION_TOKEN_MISSING");
    Run list = run("rules", "list");
    assertThat(list.out()).containsPattern("SESSION_TOKEN_MISSING +error").contains("rules/temporary-credentials/SESSION_TOKEN_MISSING.drl");
  }

  @Test
  void docsAreWrittenAndCheckedForStaleness() throws IOException {
    Run write = run("rules", "docs", "--rules", "rules", "--out", "docs");
    assertThat(write.code()).isZero();
    assertThat(work.resolve("docs/facts.md")).content().contains("## ResolvedCredentials", "$envVar : EnvVar( name == \"AWS_SESSION_TOKEN\" )");
    assertThat(run("rules", "docs", "--rules", "rules", "--out", "docs", "--check").code()).isZero();

    addNewCause();
    Run stale = run("rules", "docs", "--rules", "rules", "--out", "docs", "--check");
    assertThat(stale.code()).isEqualTo(1);
    assertThat(stale.out()).contains("out of date: docs/causes.md");
  }

  static void copyTree(Path from, Path to) throws IOException {
    dev.tokendoctor.TestTrees.copy(from, to);
  }
}
