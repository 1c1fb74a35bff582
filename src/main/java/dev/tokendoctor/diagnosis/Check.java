package dev.tokendoctor.diagnosis;

import java.util.List;

/**
 * Something verified fine, so the reader sees what was ruled out ("session token not expired").
 *
 * @param id the cause id the check rules out
 * @param title what holds, in plain words
 * @param evidence what shows it
 * @param ruleFile the rule file that concluded it
 */
public record Check(String id, String title, List<Evidence> evidence, String ruleFile) {

  public Check {
    evidence = List.copyOf(evidence);
  }
}
