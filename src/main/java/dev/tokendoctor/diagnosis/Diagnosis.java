package dev.tokendoctor.diagnosis;

import java.util.List;

/**
 * Everything one run of the rules concluded about one bundle.
 *
 * @param verdict the one-line answer
 * @param findings the causes found, most likely first
 * @param checks what was verified fine
 * @param observedErrors the AWS errors the ranking rules took as "the error the person saw"
 * @param unknowns what could not be collected, so its absence proves nothing
 * @param firedRules the rules that fired, in firing order (for rule authors and {@code --verbose})
 * @param schemaVersion the bundle's schema version
 */
public record Diagnosis(
    Verdict verdict,
    List<RankedFinding> findings,
    List<Check> checks,
    List<ObservedError> observedErrors,
    List<String> unknowns,
    List<String> firedRules,
    int schemaVersion) {

  public Diagnosis {
    findings = List.copyOf(findings);
    checks = List.copyOf(checks);
    observedErrors = List.copyOf(observedErrors);
    unknowns = List.copyOf(unknowns);
    firedRules = List.copyOf(firedRules);
  }

  /** The ids of the findings, most likely first. */
  public List<String> findingIds() {
    return findings.stream().map(RankedFinding::id).toList();
  }
}
