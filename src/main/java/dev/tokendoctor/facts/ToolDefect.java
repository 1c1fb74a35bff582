package dev.tokendoctor.facts;

/**
 * A row of {@code rules/tables/tool-defects.csv}: a client version known to mishandle valid credentials.
 *
 * @param tool the client's name as it appears in ticket context ({@code aws-cdk})
 * @param firstBad the first affected version (inclusive)
 * @param firstGood the first fixed version (exclusive upper bound); empty when not fixed yet
 * @param symptom what goes wrong, in plain words
 * @param source the public report
 * @param upgradeCommand the command that installs a fixed version ({@code npm install -g aws-cdk@latest}); empty when
 *     the row names none
 * @param pinBefore pinning the last version before {@code firstBad} is a way out too (a command-line tool that can
 *     be installed at any version); {@code yes} or {@code no}
 */
public record ToolDefect(
    String tool, String firstBad, String firstGood, String symptom, String source, String upgradeCommand, boolean pinBefore) {

  /** The table the rows come from, as shown in evidence. */
  public static final String TABLE = "rules/tables/tool-defects.csv";

  /** A fixed version is named ({@code firstGood} is not empty). */
  public boolean fixed() {
    return firstGood != null && !firstGood.isBlank();
  }

  /** {@code version} lies in [firstBad, firstGood). */
  public boolean affects(String version) {
    if (version == null || version.isBlank()) {
      return false;
    }
    return Versions.compare(version, firstBad) >= 0
        && (firstGood == null || firstGood.isBlank() || Versions.compare(version, firstGood) < 0);
  }
}
