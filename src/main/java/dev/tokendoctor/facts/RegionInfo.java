package dev.tokendoctor.facts;

/**
 * A row of the region table {@code rules/tables/regions.csv}: reference knowledge, not an observation.
 *
 * @param code the region code ({@code af-south-1})
 * @param partition the partition it belongs to ({@code aws})
 * @param optIn the region must be enabled per account before use (launched after 20 March 2019)
 * @param name its display name
 */
public record RegionInfo(String code, String partition, boolean optIn, String name) {

  /**
   * {@code written} is probably meant as this region: once an inline comment, quotes and blanks are dropped,
   * lower-cased, with dashes for spaces, a dash before the number ({@code us-east1}) and no Availability Zone
   * letter ({@code us-east-1a}), it is this code; or it is this region's display name, with or without punctuation.
   */
  public boolean looksLike(String written) {
    if (written == null) {
      return false;
    }
    String raw = written.replaceAll("\\s+[#;].*$", "").strip();
    String bare = raw.replaceAll("^[\"']+|[\"']+$", "").strip().toLowerCase(java.util.Locale.ROOT);
    String n = bare.replaceAll("[\\s_]+", "-")
        .replaceAll("^([a-z]+(?:-[a-z]+)+)(\\d+)$", "$1-$2")
        .replaceAll("^([a-z]+(?:-[a-z]+)+-\\d+)[a-z]$", "$1");
    String lowerName = name == null ? "" : name.toLowerCase(java.util.Locale.ROOT);
    return code.equals(n) || lowerName.equals(bare)
        || lowerName.replaceAll("[^a-z0-9]", "").equals(bare.replaceAll("[^a-z0-9]", ""));
  }
}
