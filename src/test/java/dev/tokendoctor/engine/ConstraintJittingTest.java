package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.facts.TicketContext;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.mvel.MVELConstraint;
import org.junit.jupiter.api.Test;
import org.kie.api.KieBase;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.junit.jupiter.api.io.TempDir;

/**
 * Constraint compiling (jitting) makes a batch run about a quarter faster and must change nothing else: the shipped
 * rules, in the form batch runs read them (compiled bytes read back), diagnose every scenario alike before and after
 * their constraints are compiled. A rule with a custom operator, which Drools 10.2 compiles into a crash, turns
 * compiling off; the same condition written as a method call does not.
 */
class ConstraintJittingTest {
  /** A ranking rule (no metadata needed) with a condition on every ticket that has a context. */
  private static final String OPERATOR_RULE = """
      package tokendoctor.rules;
      import dev.tokendoctor.facts.*;
      rule "JIT test rule"
          @kind("ranking")
      when
          TicketContext( %s )
      then
      end
      """;

  @TempDir Path dir;

  @Test
  void theShippedRulesDiagnoseAlikeBeforeAndAfterTheirConstraintsAreCompiled() throws Exception {
    RuleSource source = RuleSource.fromDirectory(Path.of("rules"));
    KnowledgeBase fresh = KnowledgeBaseLoader.load(source);
    KnowledgeBaseKey key = KnowledgeBaseKey.of(source, ToolBuild.id());
    KnowledgeBase readBack = CompiledKnowledgeBase.read(CompiledKnowledgeBase.write(key, fresh), key, source);
    assertThat(ConstraintJitting.blockingRules(readBack)).isEmpty();
    assertThat(threshold(readBack.kieBase())).isEqualTo(ConstraintJitting.THRESHOLD);

    List<FactBundle> bundles = ScenarioBundles.of(fresh, source);
    List<Diagnosis> before = new ArrayList<>();
    Diagnoser interpreted = new Diagnoser(fresh);
    for (FactBundle b : bundles) {
      before.add(interpreted.diagnose(b));
    }
    Diagnoser d = new Diagnoser(readBack);
    // Drools compiles in the background after THRESHOLD evaluations; go on until it has, then twice more.
    int rounds = 0;
    int extra = 2;
    while (extra > 0 && rounds < 200) {
      for (int i = 0; i < bundles.size(); i++) {
        assertThat(d.diagnose(bundles.get(i))).as("scenario bundle %d, round %d", i, rounds).isEqualTo(before.get(i));
      }
      rounds++;
      if (compiledConstraints(readBack) > 0) {
        extra--;
      } else {
        Thread.sleep(20);
      }
    }
    assertThat(compiledConstraints(readBack)).as("constraints compiled after %d rounds", rounds).isGreaterThan(100);
  }

  @Test
  void aCustomOperatorTurnsCompilingOffSoTheTwentyFirstTicketStillWorks() throws Exception {
    KnowledgeBase kb = withRule("operation str[startsWith] \"Get\"");
    assertThat(ConstraintJitting.blockingRules(kb)).containsExactly("JIT test rule");
    assertThat(threshold(kb.kieBase())).isNegative();
    Diagnoser d = new Diagnoser(kb);
    FactBundle ticket = ticket(kb);
    Diagnosis first = d.diagnose(ticket);
    for (int i = 0; i < 300; i++) {
      assertThat(d.diagnose(ticket)).isEqualTo(first);
    }
    assertThat(compiledConstraints(kb)).isZero();
  }

  @Test
  void theSameConditionAsAMethodCallKeepsCompilingOn() throws Exception {
    KnowledgeBase kb = withRule("operation != null, operation.startsWith(\"Get\")");
    assertThat(ConstraintJitting.blockingRules(kb)).isEmpty();
    assertThat(threshold(kb.kieBase())).isEqualTo(ConstraintJitting.THRESHOLD);
  }

  /**
   * Why the operator turns compiling off: forced on, Drools 10.2 breaks once it has compiled the constraint. When an
   * upgrade fixes that, this test fails and {@link ConstraintJitting} can let such rules be compiled.
   */
  @Test
  void forcedOnACustomOperatorBreaksOnceCompiled() throws Exception {
    KnowledgeBase kb = withRule("operation str[startsWith] \"Get\"");
    org.kie.api.KieBase forcedKieBase = KnowledgeBaseLoader.newKieBase(kb.kieBase().getKiePackages(), ConstraintJitting.THRESHOLD);
    // the same rules, so the same wording: the templates are registered per KieBase
    dev.tokendoctor.diagnosis.Wording.register(forcedKieBase, dev.tokendoctor.diagnosis.Wording.of(kb.kieBase()));
    KnowledgeBase forced = new KnowledgeBase(kb.source(), forcedKieBase, kb.rules(), kb.tableFacts());
    Diagnoser d = new Diagnoser(forced);
    FactBundle ticket = ticket(forced);
    RuleFailure failure = null;
    for (int i = 0; i < 2_000 && failure == null; i++) {
      try {
        d.diagnose(ticket);
      } catch (RuleFailure f) {
        failure = f;
      }
      if (i > ConstraintJitting.THRESHOLD) {
        Thread.sleep(5);
      }
    }
    assertThat(failure).as("a failure once the str[startsWith] constraint is compiled").isNotNull();
    assertThat(failure.getMessage()).contains("NoSuchMethodError");
  }

  private KnowledgeBase withRule(String condition) throws Exception {
    Path rules = dir.resolve("rules");
    dev.tokendoctor.TestTrees.copy(Path.of("rules"), rules);
    Files.writeString(rules.resolve("JIT_TEST.drl"), OPERATOR_RULE.formatted(condition));
    return KnowledgeBaseLoader.load(RuleSource.fromDirectory(rules));
  }

  private static FactBundle ticket(KnowledgeBase kb) throws Exception {
    return ScenarioBundles.of(kb, RuleSource.fromDirectory(Path.of("rules"))).get(0)
        .withTicket(new TicketContext(null, null, "sts", "GetCallerIdentity", null, null, null, null));
  }

  /** The threshold {@code kieBase} was built with: after how many evaluations a constraint is compiled, or negative. */
  private static int threshold(KieBase kieBase) {
    return ((InternalKnowledgeBase) kieBase).getConfiguration().getOption(ConstraintJittingThresholdOption.KEY)
        .getThreshold();
  }

  /** How many constraints of {@code kb}'s rules Drools has compiled to bytecode so far. */
  private static int compiledConstraints(KnowledgeBase kb) throws ReflectiveOperationException {
    Field evaluator = MVELConstraint.class.getDeclaredField("conditionEvaluator");
    evaluator.setAccessible(true);
    int compiled = 0;
    Deque<RuleConditionElement> todo = new ArrayDeque<>();
    kb.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r -> todo.add(((RuleImpl) r).getLhs())));
    while (!todo.isEmpty()) {
      RuleConditionElement e = todo.pop();
      if (e instanceof Pattern p) {
        for (Object c : p.getConstraints()) {
          Object ev = c instanceof MVELConstraint m ? evaluator.get(m) : null;
          if (ev != null && !ev.getClass().getName().startsWith("org.drools.mvel.MVELConditionEvaluator")) {
            compiled++;
          }
        }
      }
      todo.addAll(e.getNestedElements());
    }
    return compiled;
  }

}
