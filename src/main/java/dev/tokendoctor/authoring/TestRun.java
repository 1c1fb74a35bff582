package dev.tokendoctor.authoring;

import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.RuleInfo;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
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
    return run(kb, kb.source(), suite, samples, only);
  }

  /**
   * The same, with the golden files read from {@code files} (the folder as it is now: a knowledge base taken from
   * the cache was compiled from a folder whose golden files may have changed since).
   */
  public static TestRun run(KnowledgeBase kb, RuleSource files, ScenarioSuite suite, Samples samples, String only) {
    return run(new ScenarioRunner(new Diagnoser(kb), samples, ScenarioRunner.goldensOf(files)), kb, suite, only);
  }

  /**
   * {@code rules test --update}: rewrites the golden file of each cause ({@code <ID>.expected.md}) in the rules folder
   * {@code dir} from what the rules conclude now, then runs the scenarios against them.
   *
   * @param written receives the golden files that were written (new or changed), as shown paths
   */
  public static TestRun update(KnowledgeBase kb, RuleSource files, ScenarioSuite suite, Samples samples, String only,
      java.nio.file.Path dir, List<String> written) throws java.io.IOException {
    Diagnoser diagnoser = new Diagnoser(kb);
    ScenarioRunner runner = new ScenarioRunner(diagnoser, samples);
    java.util.Map<String, String> goldens = new java.util.HashMap<>();
    files.files().stream().filter(f -> f.isExpected()).forEach(f -> goldens.put(f.displayPath(), f.text()));
    String root = files.description();
    for (ScenarioFile f : suite.files()) {
      int i = dev.tokendoctor.scenario.Golden.scenarioOf(f);
      if (i < 0 || (only != null && !only.equals(f.rule()))) {
        continue;
      }
      Scenario s = f.scenarios().get(i);
      Diagnosis d;
      try {
        d = diagnoser.diagnose(runner.bundleOf(s, f.where(i)));
      } catch (Exception e) {
        continue; // the scenario fails and says why when it runs below
      }
      var finding = d.findings().stream().filter(r -> r.id().equals(f.rule())).findFirst();
      if (finding.isEmpty()) {
        continue;
      }
      String path = dev.tokendoctor.scenario.Golden.pathFor(f.path());
      String text = dev.tokendoctor.scenario.Golden.render(finding.get().finding(), s.description());
      if (!text.equals(goldens.get(path))) {
        java.nio.file.Files.writeString(dir.resolve(path.substring(root.length() + 1)), text);
        goldens.put(path, text);
        written.add(path);
      }
    }
    return run(new ScenarioRunner(diagnoser, samples, goldens::get), kb, suite, only);
  }

  private static TestRun run(ScenarioRunner runner, KnowledgeBase kb, ScenarioSuite suite, String only) {
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
