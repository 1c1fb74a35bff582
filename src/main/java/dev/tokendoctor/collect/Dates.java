package dev.tokendoctor.collect;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads the many ways tools write an expiry time, to UTC: ISO 8601 with {@code Z} or an offset
 * ({@code -06:00}, {@code +0000}), botocore's cache form {@code 2016-11-06T01:30:00UTC}, a space instead of
 * {@code T}, no zone at all (read as UTC), epoch seconds or milliseconds, and HTTP dates.
 */
final class Dates {
  private static final Pattern EPOCH = Pattern.compile("\\d{9,13}");
  private static final Pattern COMPACT_OFFSET = Pattern.compile("([+-]\\d{2})(\\d{2})$");

  private Dates() {}

  /** The instant {@code text} names, or {@code null} when it cannot be read. */
  static Instant parse(String text) {
    if (text == null) {
      return null;
    }
    // An inline comment after the value (the SDK for Java drops it; a person wrote it): not part of the time.
    String s = text.replaceFirst("[ \t][#;].*$", "").strip();
    if (s.length() >= 2 && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))) {
      s = s.substring(1, s.length() - 1).strip();
    }
    if (s.isEmpty()) {
      return null;
    }
    if (EPOCH.matcher(s).matches()) {
      long n = Long.parseLong(s);
      return s.length() >= 12 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
    }
    try {
      return ZonedDateTime.parse(s, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException ignored) {
      // not an HTTP date
    }
    String iso = s.replaceFirst("(?i)\\s*(UTC|GMT|Z)$", "Z");
    if (iso.length() > 10 && iso.charAt(10) == ' ') {
      iso = iso.substring(0, 10) + "T" + iso.substring(11);
    }
    iso = iso.replaceFirst("\\s+([+-]\\d)", "$1");
    iso = COMPACT_OFFSET.matcher(iso).replaceFirst("$1:$2");
    try {
      return OffsetDateTime.parse(iso).toInstant();
    } catch (DateTimeParseException ignored) {
      // no offset
    }
    try {
      return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      // no time
    }
    try {
      return LocalDate.parse(iso).atStartOfDay().toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException ignored) {
      return null;
    }
  }
}
