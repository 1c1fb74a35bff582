package dev.tokendoctor.scenario;

import dev.tokendoctor.engine.RuleProblem;
import java.util.List;

/**
 * Every scenario file of a rules folder, and the files that could not be read as written.
 *
 * @param files the files that were read
 * @param problems what is wrong in the others (or in parts of them), each with file and line
 */
public record ScenarioSuite(List<ScenarioFile> files, List<RuleProblem> problems) {

  public ScenarioSuite {
    files = List.copyOf(files);
    problems = List.copyOf(problems);
  }

  /** The files that test {@code id}. */
  public List<ScenarioFile> filesFor(String id) {
    return files.stream().filter(f -> id.equals(f.rule())).toList();
  }

  /** How many scenarios test {@code id} in the files named after it. */
  public int count(String id) {
    return filesFor(id).stream().mapToInt(f -> f.scenarios().size()).sum();
  }
}
