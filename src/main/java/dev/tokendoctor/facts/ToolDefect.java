package dev.tokendoctor.facts;

/**
 * A row of {@code rules/tables/tool-defects.csv}: a client version known to mishandle valid credentials.
 *
 * @param tool the client's name as it appears in ticket context ({@code aws-cdk})
 * @param firstBad the first affected version (inclusive)
 * @param firstGood the first fixed version (exclusive upper bound); empty when not fixed yet
 * @param symptom what goes wrong, in plain words
 * @param source the public report
 */
public record ToolDefect(String tool, String firstBad, String firstGood, String symptom, String source) {

  /** {@code version} lies in [firstBad, firstGood). */
  public boolean affects(String version) {
    if (version == null || version.isBlank()) {
      return false;
    }
    return Versions.compare(version, firstBad) >= 0
        && (firstGood == null || firstGood.isBlank() || Versions.compare(version, firstGood) < 0);
  }
}
