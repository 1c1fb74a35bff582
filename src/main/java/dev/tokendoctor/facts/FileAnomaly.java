package dev.tokendoctor.facts;

/**
 * Something the raw line scanner saw in a shared file that parsers hide, normalise or choke on.
 *
 * @param file {@code credentials} or {@code config}
 * @param path the file's path as shown to people
 * @param line 1-based line number (0 for the whole file)
 * @param kind one of {@code BOM}, {@code UTF16}, {@code CRLF}, {@code PROPERTY_BEFORE_SECTION},
 *     {@code LINE_WITHOUT_EQUALS}, {@code INLINE_COMMENT}, {@code TAB_INDENTED_KEY}, {@code SPACE_INDENTED_KEY},
 *     {@code DUPLICATE_SECTION}, {@code DUPLICATE_KEY}, {@code PROFILE_PREFIX_IN_CREDENTIALS},
 *     {@code BARE_SECTION_IN_CONFIG}, {@code UNTERMINATED_SECTION}, {@code MISSING_NEWLINE}
 * @param section the section the line belongs to, when there is one
 * @param key the property the line defines, when there is one
 * @param detail plain words about what was seen (never a secret value)
 * @param firstLine for duplicates: the line of the first definition, else {@code null}
 */
public record FileAnomaly(
    String file, String path, int line, String kind, String section, String key, String detail, Integer firstLine) {

  public Origin origin() {
    return Origin.file(path, line);
  }
}
