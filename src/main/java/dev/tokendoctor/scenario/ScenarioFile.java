package dev.tokendoctor.scenario;

import java.util.List;

/**
 * A file of scenarios.
 *
 * @param rule the cause id the scenarios test; {@code null} for combined scenarios (several causes at once)
 * @param scenarios the cases
 * @param path the file, as shown to people (set by the loader)
 */
public record ScenarioFile(String rule, List<Scenario> scenarios, String path) {

  public ScenarioFile {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
  }

  ScenarioFile at(String shownPath) {
    return new ScenarioFile(rule, scenarios, shownPath);
  }
}
