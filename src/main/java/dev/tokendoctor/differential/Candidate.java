package dev.tokendoctor.differential;

/**
 * A cause still consistent with the error AWS returned.
 *
 * @param id the cause id
 * @param title its title
 * @param prior the support team's weight for this cause and this error ({@code rules/differential/priors.csv})
 * @param likelihood its share among the candidates left (0..1): confidence that reflects partial evidence
 * @param question what would confirm or rule it out, or {@code null} when the team wrote none
 */
public record Candidate(String id, String title, int prior, double likelihood, Question question) {

  /** The likelihood as a whole percentage, at least 1 so that no listed cause reads as impossible. */
  public int percent() {
    return Math.max(1, (int) Math.round(likelihood * 100));
  }
}
