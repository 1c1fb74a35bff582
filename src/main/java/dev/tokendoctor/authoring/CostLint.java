package dev.tokendoctor.authoring;

import dev.tokendoctor.engine.DrlFile;
import dev.tokendoctor.engine.DrlRule;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.RuleProblem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kie.api.runtime.KieSession;

/**
 * The part of {@code rules check} that warns about the constructs that make the rule network costly, each with
 * the reason measured in issue 16 (a profile of {@code batch}: the cost of a diagnosis is what the rules do, a fixed
 * overhead per network node and per firing). Warnings, not errors: the rules still work, only slower, and
 * {@code bench/rule-cost.sh} shows what each file costs.
 */
final class CostLint {
  private static final Pattern FROM_COLLECT = Pattern.compile("\\bfrom\\s+collect\\b");
  private static final Pattern NOT_GROUP = Pattern.compile("\\bnot\\s*\\(");
  private static final Pattern PATTERN_START = Pattern.compile("(?<![\\w.$])[A-Z]\\w*\\s*\\(");

  private CostLint() {}

  static void lint(Map<String, DrlFile> parsed, KnowledgeBase kb, List<RuleProblem> out) {
    for (DrlFile d : parsed.values()) {
      if (!d.parsed()) {
        continue;
      }
      String[] lines = d.source().text().split("\r?\n", -1);
      for (DrlRule r : d.rules()) {
        fromCollect(d, r, lines, out);
        notOfAGroup(d, r, lines, out);
      }
    }
    if (kb != null) {
      firedByTheTablesAlone(parsed, kb, out);
    }
  }

  private static void fromCollect(DrlFile d, DrlRule r, String[] lines, List<RuleProblem> out) {
    if ("vocabulary".equals(r.kind())) {
      return; // a vocabulary rule gathers once per bundle what cause rules then match as one derived fact
    }
    for (int n = r.line(); n < r.thenLine() && n <= lines.length; n++) {
      if (FROM_COLLECT.matcher(StyleLint.code(lines[n - 1])).find()) {
        out.add(warning(d, n, "rule \"" + r.name() + "\": 'from collect' costs on every ticket (measured, issue 16: the"
            + " list is rebuilt whenever one of the facts it gathers comes or goes, and the costliest cause rules were"
            + " 2-3x cheaper written without it): match the fact itself (one firing per piece of evidence, merged into one"
            + " finding), or a derived fact or fact method that says what the list was for (rules/vocabulary/, docs/facts.md)"));
      }
    }
  }

  /** {@code not ( A and B ... )}: a group of two or more patterns under one {@code not}. */
  private static void notOfAGroup(DrlFile d, DrlRule r, String[] lines, List<RuleProblem> out) {
    StringBuilder when = new StringBuilder();
    List<Integer> lineOf = new ArrayList<>();
    for (int n = r.line(); n < r.thenLine() && n <= lines.length; n++) {
      String c = StyleLint.code(lines[n - 1]) + "\n";
      when.append(c);
      for (int i = 0; i < c.length(); i++) {
        lineOf.add(n);
      }
    }
    Matcher m = NOT_GROUP.matcher(when);
    while (m.find()) {
      int open = m.end() - 1;
      int depth = 0;
      int close = -1;
      StringBuilder top = new StringBuilder();
      for (int i = open; i < when.length(); i++) {
        char ch = when.charAt(i);
        if (ch == '(') {
          depth++;
        } else if (ch == ')') {
          depth--;
          if (depth == 0) {
            close = i;
            break;
          }
        }
        // What the group holds at its own level: pattern names, 'and', 'or', without their constraints.
        if (depth == 1 && ch != '(' || depth == 2 && ch == '(') {
          top.append(ch);
        }
      }
      if (close < 0) {
        continue;
      }
      String group = top.toString();
      int patterns = 0;
      Matcher p = PATTERN_START.matcher(group);
      while (p.find()) {
        patterns++;
      }
      if (patterns >= 2 && !group.matches("(?s).*\\bor\\b.*")) {
        out.add(warning(d, lineOf.get(m.start()), "rule \"" + r.name() + "\": not ( A and B ... ) costs on every ticket"
            + " (measured, issue 16: the group is a sub-network of its own, joined again for every match of the rule, and"
            + " the costliest cause rules were 2-3x cheaper without it): derive a named fact once per bundle (a vocabulary"
            + " rule with insertLogical, rules/vocabulary/) and write not Named()"));
      }
    }
  }

  /**
   * A rule whose conditions the reference tables alone meet (a bare {@code not EnvVar(...)} beside a table) fires in
   * a session that holds nothing else: sessions can then not be reused between bundles ({@code SessionPool}), for
   * the whole knowledge base. Found by inserting the tables into a session and listing what would fire, firing
   * nothing.
   */
  private static void firedByTheTablesAlone(Map<String, DrlFile> parsed, KnowledgeBase kb, List<RuleProblem> out) {
    Set<String> matched = new LinkedHashSet<>();
    KieSession session = kb.kieBase().newKieSession();
    try {
      kb.tableFacts().forEach(session::insert);
      session.fireAllRules(match -> {
        matched.add(match.getRule().getName());
        return false;
      });
    } catch (RuntimeException e) {
      return; // a rule that fails on the tables is the scenarios' business
    } finally {
      session.dispose();
    }
    if (matched.isEmpty()) {
      return;
    }
    Set<String> tables = new TreeSet<>();
    kb.tableFacts().forEach(t -> tables.add(t.getClass().getSimpleName()));
    for (DrlFile d : parsed.values()) {
      for (DrlRule r : d.rules()) {
        if (matched.contains(r.name())) {
          out.add(warning(d, r.line(), "rule \"" + r.name() + "\": the reference tables alone (" + String.join(", ", tables)
              + ") meet its conditions, so it fires in a session that holds nothing else, and no session can be reused"
              + " between bundles, for every rule (measured, issue 16: 402 µs and 425 KB allocated a ticket instead of about"
              + " 250 µs and 119 KB): start 'when' with a pattern on a fact of the bundle or a derived fact (a bare"
              + " not EnvVar(...) is met by an empty bundle)"));
        }
      }
    }
  }

  /** A cost warning (the measured reason is in the message). */
  static boolean isCost(RuleProblem p) {
    return !p.error() && p.message().contains("(measured, issue 16:");
  }

  private static RuleProblem warning(DrlFile d, int line, String message) {
    return new RuleProblem(d.source().displayPath(), line, "warning", message, "");
  }
}
