package dev.tokendoctor.authoring;

import java.util.List;

/**
 * One {@code @key("value")} a rule may carry, and who must carry it. The linter enforces these and
 * {@code rules docs} prints them, so the two cannot disagree.
 *
 * @param key the key, without {@code @}
 * @param requiredFor {@code cause}, {@code cause and check}, or {@code no} (optional)
 * @param values the allowed values, or how the value is written
 * @param meaning what it is for
 */
public record MetadataKey(String key, String requiredFor, String values, String meaning) {

  /** Every key the rules understand, in the order a rule lists them. */
  public static final List<MetadataKey> ALL = List.of(
      new MetadataKey("id", "cause and check", "a cause id from rules/causes.csv (UPPER_SNAKE_CASE)",
          "the cause the finding (or the check) is about; equal to the rule's name and its file's name"),
      new MetadataKey("kind", "no", "cause (the default), check, ranking",
          "check: the rule verifies its cause does not apply; ranking: a rule of rules/ranking/"),
      new MetadataKey("title", "cause and check", "one line, plain words",
          "what the finding (or what holds, for a check) says; the catalog's title by default"),
      new MetadataKey("severity", "cause", "error, warning, info",
          "error: AWS rejects the credentials because of it (exit code 1); warning: it will or may; info: worth knowing"),
      new MetadataKey("confidence", "cause", "high, medium, low",
          "how sure the evidence makes the rule; it adds to the ranking score"),
      new MetadataKey("explains", "no", "AWS error codes, space separated (InvalidClientTokenId ExpiredToken)",
          "the errors this cause produces: a finding that explains the error the person saw ranks first; omit for a pure smell"),
      new MetadataKey("supersedes", "no", "cause ids, space separated",
          "more general causes this one explains better: they drop below it when both are found"),
      new MetadataKey("sources", "cause (warning)", "links, space separated",
          "public documentation and reports the knowledge comes from (the catalog's links and others you verified)"));

  static boolean known(String key) {
    return ALL.stream().anyMatch(k -> k.key().equals(key));
  }

  static List<String> keys() {
    return ALL.stream().map(MetadataKey::key).toList();
  }
}
