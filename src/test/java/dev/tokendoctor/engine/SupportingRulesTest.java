package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.facts.CollectorRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: a rule that only adds evidence to a finding of its cause supports it and concludes nothing alone, so
 * batch's knowledge base (whose rows show no evidence) leaves such rules out and still concludes the same.
 */
class SupportingRulesTest {
  @TempDir Path dir;

  // A cause with its form, a variant that only adds evidence, and a variant that adds a fix step.
  static final String DRL = """
      package tokendoctor.rules;

      import dev.tokendoctor.facts.*;
      import function dev.tokendoctor.diagnosis.Conclude.cause;

      rule "DEMO"
          @id("DEMO")
          @title("A demo cause")
          @severity("error")
          @confidence("high")
      when
          $r : CollectorRun( name == "form" )
      then
          cause(kcontext).evidence("seen", "form", "name", $r.name()).conclude();
      end

      rule "DEMO: more evidence"
          @id("DEMO")
      when
          $r : CollectorRun( name == "support" )
      then
          // a comment with .fix("x") in it changes nothing
          cause(kcontext)
              .evidence("seen", "support", "name", $r.name() + ").fix(")
              .order(1)
              .conclude();
      end

      rule "DEMO: fix"
          @id("DEMO")
      when
          CollectorRun( name == "fix" )
      then
          cause(kcontext).fix("step").conclude();
      end
      """;

  static final String TEMPLATES = """
      # DEMO

      ## evidence seen
      saw {{name}}

      ## fix step
      Do the thing.
      """;

  @Test
  void aChainOfEvidenceAloneSupports() {
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).evidence(\"a\", $x.origin()).conclude();")).isTrue();
    assertThat(SupportingRules.onlyAddsEvidence("""
        // why
        cause(kcontext)
            .evidence("a", $x.origin(), "v", $x.value().label())  /* inline */
            .order(2)
            .evidence("b", "env X", "text", "a ) and a .fix(\\"y\\") in a string")
            .conclude();
        """)).isTrue();
  }

  @Test
  void anythingMoreThanEvidenceKeepsTheRuleEverywhere() {
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).evidence(\"a\", null).fix(\"f\").conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).title(\"t\").evidence(\"a\", null).conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).fix(\"f\").conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("verified(kcontext).evidence(\"a\", null).conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).evidence(\"a\", null).conclude(); insert(new X());")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("String s = \"x\"; cause(kcontext).evidence(\"a\", s).conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("finding(kcontext).evidence(\"o\", \"text\").conclude();")).isFalse();
    assertThat(SupportingRules.onlyAddsEvidence("cause(kcontext).evidence(\"a\", null).conclude()")).isFalse();
  }

  @Test
  void onlyVariantsOfACauseCanSupport() throws Exception {
    RuleSource source = demo(DRL.replace("cause(kcontext).evidence(\"seen\", \"form\", \"name\", $r.name()).conclude();",
        "cause(kcontext).evidence(\"seen\", \"form\", \"name\", $r.name()).conclude(); // evidence only, but the form"));
    assertThat(SupportingRules.of(source)).containsExactly("DEMO: more evidence");
    // a variant that declares its own title is a form of the cause, whatever its then part
    RuleSource withTitle = demo(DRL.replace("@id(\"DEMO\")\nwhen\n    $r : CollectorRun( name == \"support\" )",
        "@id(\"DEMO\")\n    @title(\"Another form\")\nwhen\n    $r : CollectorRun( name == \"support\" )"));
    assertThat(SupportingRules.of(withTitle)).isEmpty();
  }

  @Test
  void supportAloneConcludesNothing() throws Exception {
    KnowledgeBase whole = KnowledgeBaseLoader.load(demo(DRL));
    for (Diagnoser d : List.of(new Diagnoser(whole), Diagnoser.forRows(KnowledgeBases.forRows(whole), () -> whole))) {
      assertThat(d.diagnose(bundle("support")).findings()).isEmpty();
      // near miss: the form fires too, and the finding is there
      assertThat(d.diagnose(bundle("support", "form")).findings()).extracting(RankedFinding::id).containsExactly("DEMO");
    }
  }

  @Test
  void batchLeavesOutTheSupportAndConcludesTheSame() throws Exception {
    KnowledgeBase whole = KnowledgeBaseLoader.load(demo(DRL));
    KnowledgeBase rows = KnowledgeBases.forRows(whole);
    assertThat(rows.rules()).extracting(RuleInfo::name).containsExactly("DEMO", "DEMO: fix");

    Diagnosis full = new Diagnoser(whole).diagnose(bundle("form", "support", "fix"));
    assertThat(full.findings().get(0).finding().evidence()).extracting(Evidence::observation)
        .containsExactly("saw form", "saw support).fix(");
    Diagnosis row = Diagnoser.forRows(rows, () -> whole).diagnose(bundle("form", "support", "fix"));
    assertThat(row.findings()).extracting(RankedFinding::id).containsExactly("DEMO");
    assertThat(row.findings().get(0).finding().title()).isEqualTo(full.findings().get(0).finding().title());
    assertThat(row.findings().get(0).finding().remediation()).isEqualTo(full.findings().get(0).finding().remediation())
        .containsExactly("Do the thing.");
    // rows show no evidence, so none is put in words
    assertThat(row.findings().get(0).finding().evidence()).isEmpty();
  }

  private RuleSource demo(String drl) throws Exception {
    Path rules = Files.createDirectories(dir.resolve("rules-" + Integer.toHexString(drl.hashCode())));
    Files.createDirectories(rules.resolve("demo"));
    Files.writeString(rules.resolve("demo/DEMO.drl"), drl);
    Files.writeString(rules.resolve("demo/DEMO.templates.md"), TEMPLATES);
    return RuleSource.fromDirectory(rules);
  }

  private static FactBundle bundle(String... runs) {
    List<CollectorRun> collectors = java.util.Arrays.stream(runs).map(r -> new CollectorRun(r, "ok", null)).toList();
    return new FactBundle(FactBundle.SCHEMA_VERSION, null, null, null, collectors, null, null, null, null, null, null,
        null, null, null, null, null, null, null, null, null, null, null, null);
  }
}
