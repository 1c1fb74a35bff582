package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ToolDefect;

/**
 * The failing tool's version is one a row of {@code rules/tables/tool-defects.csv} says mishandles valid
 * credentials ({@link ToolVersion} joined with {@link ToolDefect}).
 *
 * @param tool the tool, as the ticket names it
 * @param version its version, as the ticket names it
 * @param firstBad the row's first affected version
 * @param firstGood the row's first fixed version; {@code null} when not fixed yet
 * @param symptom what goes wrong, in plain words
 * @param source the public report
 * @param upgradeCommand the row's command that installs a fixed version; {@code null} when it names none
 * @param pinBefore the row says pinning the last version before {@code firstBad} is a way out too
 * @param where the table, as shown in evidence ({@code rules/tables/tool-defects.csv})
 */
public record DefectiveVersion(
    String tool, String version, String firstBad, String firstGood, String symptom, String source, String upgradeCommand,
    boolean pinBefore, Origin where) {

  /** A fixed version exists. */
  public boolean fixed() {
    return firstGood != null;
  }

  /** The fact for {@code v}, which the row {@code d} affects. */
  public static DefectiveVersion of(ToolVersion v, ToolDefect d) {
    return new DefectiveVersion(v.tool(), v.version(), d.firstBad(), d.fixed() ? d.firstGood() : null, d.symptom(), d.source(),
        d.upgradeCommand() == null || d.upgradeCommand().isBlank() ? null : d.upgradeCommand(), d.pinBefore(), Origin.other(ToolDefect.TABLE));
  }
}
