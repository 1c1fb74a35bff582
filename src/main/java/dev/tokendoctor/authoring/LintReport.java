package dev.tokendoctor.authoring;

import dev.tokendoctor.engine.DrlFile;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.scenario.ScenarioSuite;
import java.util.List;

/**
 * What {@code rules check} found.
 *
 * @param problems every error and warning, by file and line
 * @param knowledgeBase the compiled rules; {@code null} when they do not compile
 * @param ruleFiles the rule files read
 * @param causes the cause list
 * @param scenarios the scenario files read
 */
public record LintReport(
    List<RuleProblem> problems, KnowledgeBase knowledgeBase, List<DrlFile> ruleFiles, CauseList causes,
    ScenarioSuite scenarios) {

  public LintReport {
    problems = List.copyOf(problems);
    ruleFiles = List.copyOf(ruleFiles);
  }

  public long errors() {
    return problems.stream().filter(RuleProblem::error).count();
  }

  public long warnings() {
    return problems.size() - errors();
  }

  public int ruleCount() {
    return ruleFiles.stream().mapToInt(f -> f.rules().size()).sum();
  }
}
