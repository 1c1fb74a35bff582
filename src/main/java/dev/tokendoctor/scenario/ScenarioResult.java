package dev.tokendoctor.scenario;

import java.util.List;

/**
 * How one scenario went.
 *
 * @param file the scenario file
 * @param rule the cause it tests, or {@code null}
 * @param index the scenario's position in its file (0-based)
 * @param description its description
 * @param passed every expectation held
 * @param failures what did not hold, in plain words
 * @param found the finding ids, in rank order
 * @param fired the rules that fired, in firing order
 */
public record ScenarioResult(
    String file, String rule, int index, String description, boolean passed, List<String> failures,
    List<String> found, List<String> fired) {

  public ScenarioResult {
    failures = List.copyOf(failures);
    found = List.copyOf(found);
    fired = List.copyOf(fired);
  }

  /** {@code RULE_ID: description}, how tests and tables name the case. */
  public String name() {
    return (rule == null ? "combined" : rule) + ": " + description;
  }
}
