package dev.tokendoctor.authoring;

import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.RuleInfo;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.scenario.Samples;
import dev.tokendoctor.scenario.Scenario;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioResult;
import dev.tokendoctor.scenario.ScenarioRunner;
import dev.tokendoctor.scenario.ScenarioSuite;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@code rules test}: every scenario run against the knowledge base, and the short table people read.
 *
 * @param results how each scenario went, in file order
 * @param unreadable scenario files (or scenarios) that could not be read; each counts as a failure
 * @param rankingRules the names of the ranking rules (their firings are summed up, not listed, unless verbose)
 */
public record TestRun(List<ScenarioResult> results, List<RuleProblem> unreadable, Set<String> rankingRules) {

  public TestRun {
    results = List.copyOf(results);
    unreadable = List.copyOf(unreadable);
    rankingRules = Set.copyOf(rankingRules);
  }

  /**
   * Runs the scenarios of {@code suite} that test {@code only} (all when {@code null}): the files named after it,
   * and the scenarios of combined files that name it.
   */
  public static TestRun run(KnowledgeBase kb, ScenarioSuite suite, Samples samples, String only) {
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(kb), samples);
    List<ScenarioResult> results = new ArrayList<>();
    for (ScenarioFile f : suite.files()) {
      for (int i = 0; i < f.scenarios().size(); i++) {
        if (only == null || only.equals(f.rule()) || (f.rule() == null && names(f.scenarios().get(i), only))) {
          results.add(runner.run(f, i));
        }
      }
    }
    List<RuleProblem> unreadable = only == null ? suite.problems()
        : suite.problems().stream().filter(p -> p.file().contains(only)).toList();
    Set<String> ranking = kb.rules().stream().filter(r -> "ranking".equals(r.metadata().kind()))
        .map(RuleInfo::name).collect(Collectors.toSet());
    return new TestRun(results, unreadable, ranking);
  }

  private static boolean names(Scenario s, String id) {
    return s.expect() != null && (s.expect().positiveIds().contains(id) || s.expect().absent().contains(id)
        || s.expect().checks().contains(id));
  }

  public long failed() {
    return results.stream().filter(r -> !r.passed()).count() + unreadable.size();
  }

  public boolean passed() {
    return failed() == 0;
  }

  /** The pass/fail table; failures show what was found, which rules fired in which order, and what did not hold. */
  public String render(boolean verbose) {
    int width = results.stream().mapToInt(r -> label(r).length()).max().orElse(10);
    StringBuilder sb = new StringBuilder();
    for (RuleProblem p : unreadable) {
      sb.append("FAIL  ").append(p.format()).append('\n');
    }
    for (ScenarioResult r : results) {
      sb.append(r.passed() ? "pass  " : "FAIL  ").append(pad(label(r), width)).append("  ").append(r.description()).append('\n');
      if (!r.passed()) {
        failure(sb, r, verbose);
      }
    }
    long total = results.size() + unreadable.size();
    sb.append('\n').append(total).append(total == 1 ? " scenario: " : " scenarios: ")
        .append(total - failed()).append(" passed, ").append(failed()).append(" failed").append('\n');
    return sb.toString();
  }

  private void failure(StringBuilder sb, ScenarioResult r, boolean verbose) {
    String indent = "      ";
    sb.append(indent).append("at ").append(r.where()).append('\n');
    for (String f : r.failures()) {
      sb.append(indent).append("failed: ").append(f).append('\n');
    }
    Diagnosis d = r.diagnosis();
    if (d == null) {
      return;
    }
    if (d.findings().isEmpty()) {
      sb.append(indent).append("found:  no finding").append('\n');
    }
    for (int i = 0; i < d.findings().size(); i++) {
      RankedFinding f = d.findings().get(i);
      sb.append(indent).append(i == 0 ? "found:  " : "        ").append(i + 1).append(". ").append(f.id())
          .append("  score ").append(f.score());
      if (!f.scoreReasons().isEmpty()) {
        sb.append(" (").append(String.join(", ", f.scoreReasons())).append(')');
      }
      sb.append('\n');
    }
    sb.append(indent).append("checks: ").append(d.checks().isEmpty() ? "none"
        : d.checks().stream().map(Check::id).distinct().collect(Collectors.joining(", "))).append('\n');
    List<String> shown = verbose ? d.firedRules() : d.firedRules().stream().filter(n -> !rankingRules.contains(n)).toList();
    int hidden = d.firedRules().size() - shown.size();
    sb.append(indent).append("fired:  ").append(shown.isEmpty() ? "no rule" : String.join(" > ", shown));
    if (hidden > 0) {
      sb.append("  (and ").append(hidden).append(" ranking rule firing").append(hidden == 1 ? "" : "s").append("; --verbose lists them)");
    }
    sb.append('\n');
  }

  private static String label(ScenarioResult r) {
    return r.rule() == null ? "combined" : r.rule();
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
