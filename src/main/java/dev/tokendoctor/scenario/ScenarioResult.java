package dev.tokendoctor.scenario;

import dev.tokendoctor.diagnosis.Diagnosis;
import java.util.List;

/**
 * How one scenario went.
 *
 * @param file the scenario file
 * @param rule the cause it tests, or {@code null}
 * @param index the scenario's position in its file (0-based)
 * @param line the line the scenario starts on, or 0
 * @param description its description
 * @param passed every expectation held
 * @param failures what did not hold, in plain words
 * @param found the finding ids, in rank order
 * @param fired the rules that fired, in firing order
 * @param diagnosis everything the rules concluded; {@code null} when the scenario could not run
 */
public record ScenarioResult(
    String file, String rule, int index, int line, String description, boolean passed, List<String> failures,
    List<String> found, List<String> fired, Diagnosis diagnosis) {

  public ScenarioResult {
    failures = List.copyOf(failures);
    found = List.copyOf(found);
    fired = List.copyOf(fired);
  }

  /** {@code RULE_ID: description}, how tests and tables name the case. */
  public String name() {
    return (rule == null ? "combined" : rule) + ": " + description;
  }

  /** {@code file:line}, where the scenario is written. */
  public String where() {
    return file + (line > 0 ? ":" + line : "");
  }
}
