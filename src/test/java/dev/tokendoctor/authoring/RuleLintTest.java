package dev.tokendoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.scenario.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One test per kind of mistake {@code rules check} words for people: each breaks an example rule (SESSION_TOKEN_MISSING)
 * in a copy of the rules the way people do, and pins the line and the words. The example is a frozen copy of that
 * rule ({@code src/test/resources/authoring/lint-example/}), written in the older style without templates, so that
 * the pinned lines stay put when the shipped rule is reworded or restructured.
 */
class RuleLintTest {
  static final String RULE = "rules/temporary-credentials/SESSION_TOKEN_MISSING.drl";
  static final String SCENARIOS = "rules/temporary-credentials/SESSION_TOKEN_MISSING.scenarios.json";

  @TempDir Path work;

  static final Path EXAMPLE = Path.of("src/test/resources/authoring/lint-example/SESSION_TOKEN_MISSING.drl");

  @BeforeEach
  void copyRules() throws IOException {
    dev.tokendoctor.TestTrees.copy(Path.of("rules"), work.resolve("rules"));
    // The frozen example replaces the shipped rule; it names no templates, so the shipped rule's wording goes too.
    Files.copy(EXAMPLE, work.resolve(RULE), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.delete(work.resolve(RULE.replace(".drl", ".templates.md")));
  }

  /**
   * The problems in the worked example's files and in those the test changed (other rules, merged from
   * elsewhere, may carry warnings of their own). Only those rule files are compiled: the rest of the knowledge
   * base, unchanged, is compiled once by {@link #theShippedRulesHaveNoErrors}, not again for every mistake.
   */
  List<String> lint() throws Exception {
    RuleSource source = RulesFolder.named(RuleSource.fromDirectory(work.resolve("rules")), "rules");
    return RuleLinter.lint(source, Samples.folder(Path.of("facts-samples")),
            f -> f.displayPath().contains("SESSION_TOKEN_MISSING") || changedByTheTest(f.displayPath()))
        .problems().stream()
        .filter(p -> p.file().contains("SESSION_TOKEN_MISSING") || changedByTheTest(p.file()))
        .filter(p -> !StyleLint.isAdvice(p)) // the style advice has a test of its own (StyleLintTest)
        .map(RuleProblem::format).toList();
  }

  boolean changedByTheTest(String shown) {
    try {
      Path original = shown.equals(RULE) ? EXAMPLE : Path.of(shown);
      Path copy = work.resolve(shown);
      return !Files.exists(original) || !Files.exists(copy) || Files.mismatch(original, copy) != -1;
    } catch (IOException e) {
      return true;
    }
  }

  void edit(String file, UnaryOperator<String> change) throws IOException {
    Path p = work.resolve(file);
    String before = Files.readString(p);
    String after = change.apply(before);
    assertThat(after).as("the edit must change " + file).isNotEqualTo(before);
    Files.writeString(p, after);
  }

  @Test
  void theShippedRulesHaveNoErrors() throws Exception {
    RuleSource source = RulesFolder.named(RuleSource.fromDirectory(Path.of("rules")), "rules");
    assertThat(RuleLinter.lint(source, Samples.folder(Path.of("facts-samples"))).problems())
        .map(RuleProblem::format).noneMatch(p -> p.contains(": error: "));
  }

  @Test
  void aFileMustImportTheFunctionsItCalls() throws Exception {
    edit(RULE, s -> s.replace("import function dev.tokendoctor.diagnosis.Conclude.check;\n", ""));
    assertThat(lint()).contains(RULE + ":1: error: calls check(kcontext) without 'import function"
        + " dev.tokendoctor.diagnosis.Conclude.check;' at the top of the file");
  }

  @Test
  void theStringOperatorThatStopsConstraintCompilingIsNamedOnItsLineOnce() throws Exception {
    edit(RULE, s -> s.replace("temporaryKey, !hasToken )", "temporaryKey, !hasToken, provider str[startsWith] \"env\" )"));
    assertThat(lint()).filteredOn(p -> p.contains("compiled")).containsExactly(RULE + ":29: warning: 'str[startsWith]'"
        + " cannot be compiled by this Drools version, so no constraint of any rule is (batch runs about a fifth slower):"
        + " write the method call instead, e.g. name.startsWith(\"AWS_\")");
  }

  @Test
  void anOperatorTheLineCheckCannotSeeIsNamedByItsRule() throws Exception {
    // Split over two lines, the operator escapes the line check; the compiled rule still shows it.
    edit(RULE, s -> s.replace("temporaryKey, !hasToken )", "temporaryKey, !hasToken, provider str\n [startsWith] \"env\" )"));
    assertThat(lint()).filteredOn(p -> p.contains("compiled")).containsExactly(RULE + ":20: warning: rule"
        + " \"SESSION_TOKEN_MISSING\": a custom operator (such as str[...]) cannot be compiled"
        + " by this Drools version, so no constraint of any rule is (batch runs about a fifth slower): write it"
        + " with method calls or ==, <, >");
  }

  @Test
  void theSameConditionWithAMethodCallIsFine() throws Exception {
    edit(RULE, s -> s.replace("temporaryKey, !hasToken )", "temporaryKey, !hasToken, provider.startsWith(\"env\") )"));
    assertThat(lint()).noneMatch(p -> p.contains("compiled"));
  }

  @Test
  void syntaxErrorAMissingBracket() throws Exception {
    edit(RULE, s -> s.replace("temporaryKey, !hasToken )", "temporaryKey, !hasToken"));
    assertThat(lint()).containsExactly(RULE + ":30: error: the 'when' part is not finished where 'then' starts: look above for a '(' "
        + "without its ')', a quote that is not closed, or a missing comma");
  }

  @Test
  void syntaxErrorAMissingComma() throws Exception {
    edit(RULE, s -> s.replace("effective, found, temporaryKey, !hasToken )", "effective found, temporaryKey, !hasToken )"));
    assertThat(lint()).contains(RULE + ":29: error: unexpected 'found': is a comma missing before it? (conditions inside ( ) are separated by commas)");
  }

  @Test
  void syntaxErrorASingleEqualsSign() throws Exception {
    edit(RULE, s -> s.replace("effective, found, temporaryKey, !hasToken )", "effective, provider = \"environment\", temporaryKey, !hasToken )"));
    assertThat(lint()).contains(RULE + ":29: error: '=' cannot compare: write '==' (equals) or '!=' (differs)");
  }

  @Test
  void syntaxErrorAMissingEnd() throws Exception {
    edit(RULE, s -> s.replaceFirst("\\.conclude\\(\\);\nend\n", ".conclude();\n"));
    assertThat(lint()).contains(RULE + ":20: error: rule \"SESSION_TOKEN_MISSING\" has no 'end' before the next rule starts on line 41");
  }

  @Test
  void unknownField() throws Exception {
    edit(RULE, s -> s.replace("temporaryKey, !hasToken )", "temporaryKey, !hasTokn )"));
    assertThat(lint()).containsExactly(RULE + ":29: error: fact type ResolvedCredentials has no field 'hasTokn' (did you mean hasToken?) "
        + "(docs/facts.md lists its fields)");
  }

  @Test
  void unknownFieldOfAValue() throws Exception {
    edit(RULE, s -> s.replace("effective, found, temporaryKey, !hasToken )", "effective, found, keyId.prefx == \"ASIA\", !hasToken )"));
    assertThat(lint()).containsExactly(RULE + ":29: error: fact type ValueDescriptor has no field 'prefx' (did you mean prefix?) "
        + "(docs/facts.md lists its fields)");
  }

  @Test
  void unknownFactType() throws Exception {
    edit(RULE, s -> s.replace("$c : ResolvedCredentials( effective, found, temporaryKey, !hasToken )",
        "$c : ResolvedCredential( effective, found, temporaryKey, !hasToken )"));
    // Nothing about $c in the 'then' part: that only follows from the unknown type.
    assertThat(lint()).containsExactly(RULE + ":29: error: unknown fact type 'ResolvedCredential' (did you mean ResolvedCredentials?) "
        + "(docs/facts.md lists the fact types)");
  }

  @Test
  void unknownMethodInTheThenPartPointsAtItsLine() throws Exception {
    edit(RULE, s -> s.replace("$c.keyIdOrigin()", "$c.keyIdOrign()"));
    assertThat(lint()).containsExactly(RULE + ":32: error: ResolvedCredentials has no method 'keyIdOrign' (did you mean keyIdOrigin?) "
        + "(docs/facts.md lists its fields)");
  }

  @Test
  void unboundNameInTheThenPart() throws Exception {
    edit(RULE, s -> s.replace("$c.keyIdOrigin()", "$cred.keyIdOrigin()"));
    assertThat(lint()).containsExactly(RULE + ":32: error: '$cred' is not defined: bind it in the 'when' part ($cred : FactType( ... )) "
        + "before using it in 'then'");
  }

  @Test
  void duplicateRuleName() throws Exception {
    Files.writeString(work.resolve("rules/temporary-credentials/COPY.drl"), Files.readString(work.resolve(RULE))
        .replace("\"SESSION_TOKEN_MISSING.check\"", "\"COPY.check\""));
    assertThat(lint()).contains("rules/temporary-credentials/SESSION_TOKEN_MISSING.drl:20: error: the rule name \"SESSION_TOKEN_MISSING\" is "
        + "already used at rules/temporary-credentials/COPY.drl:20; every rule needs its own name");
  }

  @Test
  void duplicateId() throws Exception {
    Files.writeString(work.resolve("rules/temporary-credentials/SESSION_TOKEN_MISSING_TOO.drl"), Files.readString(work.resolve(RULE))
        .replace("rule \"SESSION_TOKEN_MISSING\"", "rule \"SESSION_TOKEN_MISSING_TOO\"")
        .replace("\"SESSION_TOKEN_MISSING.check\"", "\"SESSION_TOKEN_MISSING_TOO.check\""));
    assertThat(lint()).contains("rules/temporary-credentials/SESSION_TOKEN_MISSING_TOO.drl:20: error: rule \"SESSION_TOKEN_MISSING_TOO\": "
        + "the cause SESSION_TOKEN_MISSING is already concluded in another file, at rules/temporary-credentials/SESSION_TOKEN_MISSING.drl:20; "
        + "one cause, one file (add this rule there, or give this cause its own id)");
  }

  @Test
  void anotherFormOfTheSameCauseInItsOwnFileIsFine() throws Exception {
    edit(RULE, s -> s + """

        rule "SESSION_TOKEN_MISSING in a profile"
            @id("SESSION_TOKEN_MISSING")
            @title("A temporary (ASIA) access key in a profile has no session token")
            @severity("error")
            @confidence("high")
            @sources("https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_temp_use-resources.html")
        when
            $c : ResolvedCredentials( effective, found, temporaryKey, !hasToken, profile != null )
        then
            finding(kcontext).evidence($c.keyIdOrigin(), "no token").fix("Add the token.").conclude();
        end
        """);
    assertThat(lint()).isEmpty();
  }

  @Test
  void missingId() throws Exception {
    edit(RULE, s -> s.replaceFirst("    @id\\(\"SESSION_TOKEN_MISSING\"\\)\n", ""));
    assertThat(lint()).containsExactly(RULE + ":20: error: rule \"SESSION_TOKEN_MISSING\" has no @id: add @id(\"SESSION_TOKEN_MISSING\") "
        + "under the rule line (the cause id from causes.csv)");
  }

  @Test
  void missingOrWrongSeverityAndConfidence() throws Exception {
    edit(RULE, s -> s.replace("@severity(\"error\")", "@severity(\"fatal\")").replace("    @confidence(\"high\")\n", ""));
    assertThat(lint()).containsExactly(
        RULE + ":20: error: rule \"SESSION_TOKEN_MISSING\" has no @confidence: add @confidence(\"high\"), (\"medium\") or (\"low\")",
        RULE + ":23: error: rule \"SESSION_TOKEN_MISSING\": @severity must be error, warning or info, not 'fatal'");
  }

  @Test
  void idNotOnTheCauseList() throws Exception {
    edit(RULE, s -> s.replaceFirst("@id\\(\"SESSION_TOKEN_MISSING\"\\)", "@id(\"SESSION_TOKEN_MISING\")"));
    assertThat(lint()).containsExactly(RULE + ":21: error: rule \"SESSION_TOKEN_MISSING\": the cause id SESSION_TOKEN_MISING is not on the "
        + "cause list rules/causes.csv (did you mean SESSION_TOKEN_MISSING?); for a new cause, add a line for it there");
  }

  @Test
  void fileNotNamedAfterTheId() throws Exception {
    Files.move(work.resolve(RULE), work.resolve("rules/temporary-credentials/ASIA_WITHOUT_TOKEN.drl"));
    assertThat(lint()).contains("rules/temporary-credentials/ASIA_WITHOUT_TOKEN.drl:20: error: rule \"SESSION_TOKEN_MISSING\" concludes "
        + "SESSION_TOKEN_MISSING, but the file is named ASIA_WITHOUT_TOKEN.drl: name the file after the cause id (SESSION_TOKEN_MISSING.drl), "
        + "so its scenarios and sample are found");
  }

  @Test
  void ruleNameDiffersFromTheId() throws Exception {
    edit(RULE, s -> s.replace("rule \"SESSION_TOKEN_MISSING\"", "rule \"ASIA key without token\""));
    assertThat(lint()).containsExactly(RULE + ":20: warning: rule \"ASIA key without token\": name the rule exactly after its cause id: "
        + "rule \"SESSION_TOKEN_MISSING\"");
  }

  @Test
  void noRemediation() throws Exception {
    edit(RULE, s -> s.replaceAll("\\.fix\\(", ".evidence(\"advice\", ").replaceAll("\\.command\\(", ".evidence(\"command\", "));
    assertThat(lint()).containsExactly(RULE + ":30: error: rule \"SESSION_TOKEN_MISSING\" says nothing about the fix: add .fix(\"what to do\") "
        + "and .command(\"the exact command\") before .conclude()");
  }

  @Test
  void noSourceAndAMisspeltMetadataKey() throws Exception {
    edit(RULE, s -> s.replaceFirst("    @sources\\(", "    @source("));
    assertThat(lint()).containsExactly(
        RULE + ":20: warning: rule \"SESSION_TOKEN_MISSING\" has no @sources(\"https://...\"): name the public pages the knowledge comes from",
        RULE + ":27: warning: rule \"SESSION_TOKEN_MISSING\": unknown metadata @source (did you mean @sources?); the keys are @id, @kind, "
            + "@title, @severity, @confidence, @explains, @supersedes, @sources");
  }

  @Test
  void noScenario() throws Exception {
    Files.delete(work.resolve(SCENARIOS));
    assertThat(lint()).containsExactly(RULE + ":20: warning: SESSION_TOKEN_MISSING has no scenarios: add SESSION_TOKEN_MISSING.scenarios.json "
        + "beside the rule, with a positive case and a near miss (see README.md in the rules folder)");
  }

  @Test
  void noPositiveAndNoNearMissScenario() throws Exception {
    Files.writeString(work.resolve(SCENARIOS), """
        {
          "rule": "SESSION_TOKEN_MISSING",
          "scenarios": [
            { "description": "only a verdict", "bundle": "session-token-missing.json", "expect": { "verdict": "problem" } }
          ]
        }
        """);
    assertThat(lint()).containsExactly(
        RULE + ":20: warning: SESSION_TOKEN_MISSING has no positive scenario: one whose \"expect\" says \"first\": \"SESSION_TOKEN_MISSING\" on its sample",
        RULE + ":20: warning: SESSION_TOKEN_MISSING has no near-miss scenario: its sample with one fact changed (\"change\") and "
            + "\"expect\": {\"absent\": [\"SESSION_TOKEN_MISSING\"]}");
  }

  @Test
  void scenarioFileMistakesNameTheirLine() throws Exception {
    edit(SCENARIOS, s -> s.replace("\"expect\": { \"absent\": [\"SESSION_TOKEN_MISSING\"] }", "\"expect\": { \"absnet\": [\"SESSION_TOKEN_MISSING\"] }")
        .replace("\"bundle\": \"session-token-missing.json\",\n      \"change\": { \"/stsProbes\": null }",
            "\"bundle\": \"session-token-mising.json\",\n      \"change\": { \"/stsProbes\": null }"));
    assertThat(lint()).containsExactly(
        SCENARIOS + ":22: error: unknown key \"absnet\" in \"expect\" of scenario 3 (did you mean absent?); the keys are absent, checks, "
            + "exactly, fires, first, none, order, verdict",
        SCENARIOS + ":24: error: scenario 4: the bundle session-token-mising.json is not in facts-samples");
  }

  @Test
  void scenarioNamingAnUnknownCause() throws Exception {
    edit(SCENARIOS, s -> s.replace("\"absent\": [\"SESSION_TOKEN_MISSING\"], \"checks\"", "\"absent\": [\"SESSION_TOKEN_MISSNG\"], \"checks\""));
    assertThat(lint()).containsExactly(
        SCENARIOS + ":9: error: scenario 2 names SESSION_TOKEN_MISSNG, which is not on the cause list (did you mean SESSION_TOKEN_MISSING?)");
  }

  @Test
  void theCauseListMustExist() throws Exception {
    Files.delete(work.resolve("rules/causes.csv"));
    assertThat(lint()).containsExactly("rules/causes.csv: error: the cause list is missing: every rules folder needs causes.csv "
        + "(columns id,section,title) naming the cause ids its rules may use");
  }
}
