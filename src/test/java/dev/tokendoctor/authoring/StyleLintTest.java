package dev.tokendoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.scenario.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rules check} teaching the template style: a small rules folder, linted once for the whole class, with one
 * rule in the old style (Java in 'then', a number a setting names) and one in the template style with mistakes in
 * its template calls. Each test pins one message at its file and line.
 */
class StyleLintTest {
  @TempDir static Path work;
  /** The cause rules converted with the regions vocabulary (issue 13). */
  static final List<String> REGIONS_AND_PROBE_VERDICTS = List.of(
      "rules/region-endpoint/REGION_INVALID.", "rules/region-endpoint/REGION_MISSING.", "rules/region-endpoint/REGION_NOT_ENABLED.",
      "rules/region-endpoint/SIGNING_REGION_MISMATCH.", "rules/region-endpoint/ENDPOINT_OVERRIDE_ACTIVE.",
      "rules/region-endpoint/STS_REGION_DEACTIVATED.", "rules/region-endpoint/GLOBAL_STS_TOKEN_IN_OPT_IN_REGION.",
      "rules/region-endpoint/PARTITION_MISMATCH.", "rules/key-material/KEY_INACTIVE_OR_DELETED.", "rules/key-material/KEY_ID_NOT_FOUND.",
      "rules/key-material/SECRET_KEY_MISMATCH.", "rules/key-material/KEY_PROPAGATION_DELAY.");
  static List<String> problems;

  @BeforeAll
  static void lintOnce() throws Exception {
    Path rules = Files.createDirectories(work.resolve("rules/identity-time"));
    Files.writeString(work.resolve("rules/causes.csv"), """
        id,section,title
        CLOCK_SKEW,identity-time,The clock is off
        WRONG_ACCOUNT,identity-time,Another account
        """);
    Files.createDirectories(work.resolve("rules/tables"));
    Files.writeString(work.resolve("rules/tables/settings.csv"), """
        name,value,unit,meaning
        clock-skew-tolerance,300,s,How far the clock may be off
        """);
    Files.writeString(rules.resolve("CLOCK_SKEW.drl"), """
        // CLOCK_SKEW: written the old way.
        package tokendoctor.rules;

        import dev.tokendoctor.facts.*;
        import java.util.List;
        import function dev.tokendoctor.diagnosis.Conclude.finding;

        rule "CLOCK_SKEW"
            @id("CLOCK_SKEW")
            @title("The clock is off")
            @severity("error")
            @confidence("high")
            @sources("https://docs.aws.amazon.com/cli/latest/userguide/cli-chap-troubleshooting.html")
        when
            $skewed : List() from collect( Clock( skewSeconds != null, absoluteSkewSeconds > 300 ) )
            exists( Clock( skewSeconds > 0 ) or Host( os == "x" ) )
        then
            dev.tokendoctor.diagnosis.Conclude.FindingBuilder f = finding(kcontext);
            for (Object o : $skewed) {
                Clock k = (Clock) o;
                f.evidence("clock", "the clock is " + (k.skewSeconds() > 0 ? "ahead" : "behind"));
            }
            if ($skewed.isEmpty()) {
                f.fix("Say \\"hello\\"");
            }
            f.conclude();
        end

        rule "CLOCK_SKEW on the tables alone"
            @id("CLOCK_SKEW")
            @severity("warning")
            @confidence("low")
        when
            not ( Clock( skewSeconds > 0 ) and Host( os == "x" ) )
            Setting( name == "clock-skew-tolerance" )
        then
            finding(kcontext).conclude();
        end
        """);
    Files.writeString(rules.resolve("WRONG_ACCOUNT.drl"), """
        // WRONG_ACCOUNT: written the template way, with mistakes in the calls.
        package tokendoctor.rules;

        import dev.tokendoctor.facts.*;
        import function dev.tokendoctor.diagnosis.Conclude.cause;

        rule "WRONG_ACCOUNT"
            @id("WRONG_ACCOUNT")
            @title("Another account")
            @severity("error")
            @confidence("high")
            @sources("https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html")
        when
            $p : StsProbe( primary, ok )
        then
            cause(kcontext).title("accountTitle", "account", $p.callerAccount())
                .evidence("caller", $p.origin(), "arn", $p.callerArn(), "extra", 1)
                .evidence("calller", $p.origin())
                .fix("useProfile")
                .title("who", "arn", $p.callerArn())
                .conclude();
        end
        """);
    Files.writeString(rules.resolve("WRONG_ACCOUNT.templates.md"), """
        # WRONG_ACCOUNT

        ## evidence caller
        the caller is {{arn}} of account {{account}}; a "quote" and a {brace} are plain text

        ## fix useProfile
        Use the right profile:
        $ export AWS_PROFILE={{profile}}

        ## fix neverUsed
        Nothing.

        ## evidence broken
        {{#open}} never closed

        ## title accountTitle
        Another account: {{account}}

        ## title who
        The caller is {{arn}} of account {{account}}
        """);
    RuleSource source = RulesFolder.named(RuleSource.fromDirectory(work.resolve("rules")), "rules");
    problems = RuleLinter.lint(source, Samples.folder(Path.of("facts-samples"))).problems().stream().map(RuleProblem::format).toList();
  }

  @Test
  void whatMakesTheNetworkCostlyIsAWarningWithItsMeasuredReason() {
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:15: warning: rule \"CLOCK_SKEW\": 'from collect' costs on every ticket (measured, issue 16:")
        && p.contains("match the fact itself"));
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:34: warning: rule \"CLOCK_SKEW on the tables alone\": not ( A and B ... ) costs on every ticket (measured, issue 16:")
        && p.contains("write not Named()"));
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:29: warning: rule \"CLOCK_SKEW on the tables alone\": the reference tables alone (Setting) meet its conditions")
        && p.contains("402 µs and 425 KB allocated a ticket"));
    // A group of one pattern, or of alternatives, is not the costly conjunction; a rule that needs a bundle fact is not table-only.
    assertThat(problems).noneMatch(p -> p.contains("rule \"CLOCK_SKEW\": not ( A and B")
        || p.contains("rule \"CLOCK_SKEW\": the reference tables alone") || p.contains("WRONG_ACCOUNT.drl") && p.contains("measured, issue 16"));
    assertThat(problems).filteredOn(p -> p.contains("(measured, issue 16:")).allMatch(p -> p.contains(": warning: "));
  }

  @Test
  void aLoopInThenPointsToOneFiringPerPieceOfEvidence() {
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:19: warning: rule \"CLOCK_SKEW\": a loop in 'then'")
        && p.contains("one small rule per kind of evidence with the same @id"));
  }

  @Test
  void branchesTernariesCastsAndVariablesEachNameTheirReplacement() {
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:23: warning: rule \"CLOCK_SKEW\": if/else or switch")
        && p.contains("its own small rule") && p.contains("table row"));
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:21: warning: rule \"CLOCK_SKEW\": a ?: choice")
        && p.contains("vocabulary fact (rules/vocabulary/, docs/facts.md)"));
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:20: warning: rule \"CLOCK_SKEW\": a cast"));
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:18: warning: rule \"CLOCK_SKEW\": a local variable in 'then' (2 lines from here)"));
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:21: warning: rule \"CLOCK_SKEW\": text built with +")
        && p.contains("CLOCK_SKEW.templates.md"));
  }

  @Test
  void anEscapedQuoteExplainsThatTemplatesNeedNoEscaping() {
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:24: warning: rule \"CLOCK_SKEW\": an escaped quote")
        && p.contains("quotes, apostrophes and single braces are plain text (a literal {{ is written after {{=<% %>=}})"));
  }

  @Test
  void aNumberASettingNamesIsReadByName() {
    assertThat(problems).contains("rules/identity-time/CLOCK_SKEW.drl:15: warning: rule \"CLOCK_SKEW\": 300 is the setting "
        + "clock-skew-tolerance (How far the clock may be off); if that is what it means, read it by name: "
        + "Setting( name == \"clock-skew-tolerance\", $v : value ), so that changing rules/tables/settings.csv changes every rule");
  }

  @Test
  void existsOverOrIsFlagged() {
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/CLOCK_SKEW.drl:16: warning: rule \"CLOCK_SKEW\": exists( A or B )"));
  }

  @Test
  void aMissingTemplateOrPlaceholderIsAnErrorAtTheCall() {
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/WRONG_ACCOUNT.drl:18: error: rule \"WRONG_ACCOUNT\": no template "
        + "'calller' in rules/identity-time/WRONG_ACCOUNT.templates.md: add '## evidence calller' with its text") && p.contains("caller"));
    assertThat(problems).contains("rules/identity-time/WRONG_ACCOUNT.drl:17: error: rule \"WRONG_ACCOUNT\": the template 'caller' "
        + "(rules/identity-time/WRONG_ACCOUNT.templates.md:3) uses {{account}}, but no value named \"account\" is passed: "
        + "add \"account\", $fact.value() to the call");
    assertThat(problems).contains("rules/identity-time/WRONG_ACCOUNT.drl:19: error: rule \"WRONG_ACCOUNT\": the template 'useProfile' "
        + "(rules/identity-time/WRONG_ACCOUNT.templates.md:6) uses {{profile}}, but no value named \"profile\" is passed: "
        + "add \"profile\", $fact.value() to the call");
    assertThat(problems).contains("rules/identity-time/WRONG_ACCOUNT.drl:17: warning: rule \"WRONG_ACCOUNT\": the value \"extra\" is "
        + "passed to the template 'caller' (rules/identity-time/WRONG_ACCOUNT.templates.md:3), which does not use it");
  }

  @Test
  void aTitleTemplateIsCheckedLikeTheOthers() {
    assertThat(problems).contains("rules/identity-time/WRONG_ACCOUNT.drl:20: error: rule \"WRONG_ACCOUNT\": the template 'who' "
        + "(rules/identity-time/WRONG_ACCOUNT.templates.md:19) uses {{account}}, but no value named \"account\" is passed: "
        + "add \"account\", $fact.value() to the call");
    assertThat(problems).noneMatch(p -> p.contains("the template 'who' is never used"));
  }

  @Test
  void templateFileProblemsNameTheirLine() {
    assertThat(problems).contains("rules/identity-time/WRONG_ACCOUNT.templates.md:10: warning: the template 'neverUsed' is never used by a rule of WRONG_ACCOUNT");
    assertThat(problems).anyMatch(p -> p.startsWith("rules/identity-time/WRONG_ACCOUNT.templates.md:13: error: the template 'broken' does not parse")
        && p.contains("to write a literal {{, start the template with {{=<% %>=}}"));
  }

  @Test
  void aTitleCallIsCheckedAndCountsAsAUse() {
    assertThat(problems).noneMatch(p -> p.startsWith("rules/identity-time/WRONG_ACCOUNT.drl:16:"));
    assertThat(problems).noneMatch(p -> p.contains("'accountTitle' is never used"));
  }

  @Test
  void theRulesOfTheProjectTeachNothing() throws Exception {
    // every cause rule is written in the template style: rules check has nothing to teach about any of them
    List<String> project = RuleLinter.lint(RulesFolder.named(RuleSource.fromDirectory(Path.of("rules")), "rules"), null).problems()
        .stream().map(RuleProblem::format).toList();
    assertThat(project).isEmpty();
  }

  @Test
  void theConfigurationRulesOfAreaClientsTeachNothing() throws Exception {
    List<String> project = RuleLinter.lint(RulesFolder.named(RuleSource.fromDirectory(Path.of("rules")), "rules"), null).problems()
        .stream().map(RuleProblem::format)
        .filter(p -> List.of("ENV_OVERRIDES_PROFILE.", "STATIC_KEYS_SHADOW_PROVIDER.", "PROFILE_VAR_CONFLICT.", "CLIENTS_DISAGREE.",
            "CREDENTIALS_WORK_NOW.").stream().anyMatch(id -> p.startsWith("rules/configuration/" + id))).toList();
    assertThat(project).isEmpty();
  }
}
