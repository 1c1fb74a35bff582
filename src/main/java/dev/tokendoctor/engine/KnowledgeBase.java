package dev.tokendoctor.engine;

import java.util.List;
import org.kie.api.KieBase;
import org.kie.api.runtime.KieSession;

/**
 * A compiled, checked knowledge base: the rules, their metadata and the reference tables. Built once per
 * process and shared by every diagnosis (sessions are cheap, building is not). Thread-safe.
 *
 * @param source where the rules were read from
 * @param kieBase the compiled rules
 * @param rules every rule with its metadata, in file order
 * @param tableFacts the rows of the reference tables, inserted into every session
 * @param sessions the idle sessions every {@link Diagnoser} of this knowledge base takes from and gives back to
 */
public record KnowledgeBase(
    RuleSource source, KieBase kieBase, List<RuleInfo> rules, List<Object> tableFacts, SessionPool sessions) {

  public KnowledgeBase {
    rules = List.copyOf(rules);
    tableFacts = List.copyOf(tableFacts);
  }

  /** A knowledge base with an empty pool of sessions. */
  public KnowledgeBase(RuleSource source, KieBase kieBase, List<RuleInfo> rules, List<Object> tableFacts) {
    this(source, kieBase, rules, tableFacts, new SessionPool());
  }

  KieSession newSession() {
    return kieBase.newKieSession();
  }

  /** The rules that conclude causes (not checks or ranking rules). */
  public List<RuleInfo> causeRules() {
    return rules.stream().filter(r -> r.metadata().cause()).toList();
  }
}
