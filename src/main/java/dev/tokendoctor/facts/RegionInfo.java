package dev.tokendoctor.facts;

import java.util.regex.Pattern;

/**
 * A row of the region table {@code rules/tables/regions.csv}: reference knowledge, not an observation.
 *
 * @param code the region code ({@code af-south-1})
 * @param partition the partition it belongs to ({@code aws})
 * @param optIn the region must be enabled per account before use (launched after 20 March 2019)
 * @param name its display name
 */
public record RegionInfo(String code, String partition, boolean optIn, String name) {
  // Compiled once: a rule asks every row of the table about a written region (String.replaceAll compiles each time).
  private static final Pattern COMMENT = Pattern.compile("\\s+[#;].*$");
  private static final Pattern QUOTES = Pattern.compile("^[\"']+|[\"']+$");
  private static final Pattern BLANKS = Pattern.compile("[\\s_]+");
  private static final Pattern NUMBER_WITHOUT_DASH = Pattern.compile("^([a-z]+(?:-[a-z]+)+)(\\d+)$");
  private static final Pattern ZONE_LETTER = Pattern.compile("^([a-z]+(?:-[a-z]+)+-\\d+)[a-z]$");
  private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]");

  /**
   * {@code written} is probably meant as this region: once an inline comment, quotes and blanks are dropped,
   * lower-cased, with dashes for spaces, a dash before the number ({@code us-east1}) and no Availability Zone
   * letter ({@code us-east-1a}), it is this code; or it is this region's display name, with or without punctuation.
   */
  public boolean looksLike(String written) {
    if (written == null) {
      return false;
    }
    String raw = COMMENT.matcher(written).replaceAll("").strip();
    String bare = QUOTES.matcher(raw).replaceAll("").strip().toLowerCase(java.util.Locale.ROOT);
    String n = BLANKS.matcher(bare).replaceAll("-");
    n = NUMBER_WITHOUT_DASH.matcher(n).replaceAll("$1-$2");
    n = ZONE_LETTER.matcher(n).replaceAll("$1");
    String lowerName = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    return code.equals(n) || lowerName.equals(bare)
        || NOT_ALPHANUMERIC.matcher(lowerName).replaceAll("").equals(NOT_ALPHANUMERIC.matcher(bare).replaceAll(""));
  }
}
