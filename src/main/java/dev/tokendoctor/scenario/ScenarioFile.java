package dev.tokendoctor.scenario;

import java.util.List;

/**
 * A file of scenarios.
 *
 * @param rule the cause id the scenarios test; {@code null} for combined scenarios (several causes at once)
 * @param scenarios the cases
 * @param path the file, as shown to people
 * @param lines the line each scenario starts on, in the same order (empty when not known)
 */
public record ScenarioFile(String rule, List<Scenario> scenarios, String path, List<Integer> lines) {

  public ScenarioFile {
    scenarios = scenarios == null ? List.of() : List.copyOf(scenarios);
    lines = lines == null ? List.of() : List.copyOf(lines);
  }

  public ScenarioFile(String rule, List<Scenario> scenarios, String path) {
    this(rule, scenarios, path, List.of());
  }

  /** The 1-based line scenario {@code index} starts on, or 0 when not known. */
  public int line(int index) {
    return index < lines.size() ? lines.get(index) : 0;
  }

  /** {@code path:line} of scenario {@code index}, how messages point at it. */
  public String where(int index) {
    int line = line(index);
    return path + (line > 0 ? ":" + line : "");
  }
}
