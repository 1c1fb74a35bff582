package dev.tokendoctor.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.base.rule.Pattern;
import org.drools.base.rule.RuleConditionElement;
import org.drools.base.rule.constraint.Constraint;
import org.drools.mvel.MVELConstraint;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * Whether the engine may compile the rules' constraints to bytecode. Drools interprets a constraint (MVEL) until
 * it has been evaluated {@value #THRESHOLD} times, then compiles it in the background; a batch run then diagnoses
 * about a quarter faster, while a one-shot diagnosis never evaluates a constraint that often and is unaffected.
 *
 * <p>Measured on Drools 10.2.0, the compiled form of a constraint that uses a custom operator (any operator Drools
 * wraps as an {@code EvaluatorWrapper}: {@code str[startsWith|endsWith|length]}; not {@code contains}, {@code matches},
 * {@code memberOf}, {@code soundslike} or {@code in}) calls a method that no longer exists, so every evaluation after the threshold throws {@link NoSuchMethodError}: every test
 * passes and the 21st ticket of a batch breaks. A knowledge base holding such a constraint is therefore never
 * compiled, and {@code rules check} names the rules that cost the speed.
 */
public final class ConstraintJitting {
  /** Drools' own default threshold. */
  static final int THRESHOLD = 20;
  /** A threshold that turns compiling off. */
  static final int OFF = -1;

  private ConstraintJitting() {}

  /**
   * The threshold for a knowledge base of {@code packages}: {@value #THRESHOLD}, or off when a rule uses a custom
   * operator. {@code -Dtokendoctor.jit=N} overrides it, to measure.
   */
  static int threshold(Collection<KiePackage> packages) {
    Integer forced = Integer.getInteger("tokendoctor.jit");
    if (forced != null) {
      return forced;
    }
    return blockingRules(packages).isEmpty() ? THRESHOLD : OFF;
  }

  /** The rules of {@code kb} with a constraint that cannot be compiled safely: while there are any, none is. */
  public static List<String> blockingRules(KnowledgeBase kb) {
    return blockingRules(kb.kieBase().getKiePackages());
  }

  /** The rules, in package order, with a constraint that cannot be compiled safely. */
  static List<String> blockingRules(Collection<KiePackage> packages) {
    Set<String> names = new LinkedHashSet<>();
    for (KiePackage pkg : packages) {
      for (Rule rule : pkg.getRules()) {
        if (rule instanceof RuleImpl r && hasCustomOperator(r.getLhs())) {
          names.add(rule.getName());
        }
      }
    }
    return new ArrayList<>(names);
  }

  private static boolean hasCustomOperator(RuleConditionElement element) {
    if (element == null) {
      return false;
    }
    if (element instanceof Pattern p) {
      for (Constraint c : p.getConstraints()) {
        if (c instanceof MVELConstraint m && m.getOperators() != null && m.getOperators().length > 0) {
          return true;
        }
      }
    }
    for (RuleConditionElement nested : element.getNestedElements()) {
      if (hasCustomOperator(nested)) {
        return true;
      }
    }
    return false;
  }
}
