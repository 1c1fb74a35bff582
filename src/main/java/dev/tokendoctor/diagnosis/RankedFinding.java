package dev.tokendoctor.diagnosis;

import java.util.List;

/**
 * A finding in its place in the ranking.
 *
 * @param finding the finding (evidence merged when its rule fired more than once)
 * @param score the sum of the points the ranking rules gave it
 * @param scoreReasons those points with their reasons ({@code +100 explains the observed InvalidClientTokenId})
 * @param explainsObservedError it explains the error the person saw; otherwise it is a smell listed after
 * @param supersededBy the more specific finding that explains the same evidence better, else {@code null}
 */
public record RankedFinding(
    Finding finding, int score, List<String> scoreReasons, boolean explainsObservedError, String supersededBy) {

  public RankedFinding {
    scoreReasons = List.copyOf(scoreReasons);
  }

  public String id() {
    return finding.id();
  }
}
