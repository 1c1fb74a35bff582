package dev.tokendoctor.batch;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A ticket's created date, as help-desk exports write it, and its ISO week. Recognised: ISO 8601 with or without a
 * time ({@code 2026-11-23}, {@code 2026-11-23T09:30:00Z}, {@code 2026-11-23 09:30}), {@code 2026/11/23},
 * European {@code 23.11.2026}, Jira's {@code 23/Nov/26 9:30 AM}, {@code Nov 23, 2026}, {@code 23 Nov 2026}, and
 * numeric {@code 11/23/2026} (read as month/day, the US order of Zendesk, Salesforce and ServiceNow exports,
 * unless the first number cannot be a month), and Unix seconds or milliseconds. A date is taken as written:
 * the time and zone after it do not move it to another day.
 */
final class CreatedDates {
  /** The metadata names (compared without case, spaces or punctuation) that hold a ticket's created date. */
  static final List<String> NAMES = List.of("created", "createdat", "createddate", "createdon", "createdtime",
      "datecreated", "creationdate", "createdutc", "opened", "openedat", "dateopened", "datetimeopened",
      "syscreatedon", "requested", "requestedat", "submitted", "submittedat", "received", "date");

  private static final Pattern ISO = Pattern.compile("^(\\d{4})[-/](\\d{1,2})[-/](\\d{1,2})(?:$|[T\\s])");
  private static final Pattern DOTTED = Pattern.compile("^(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})(?:$|\\s)");
  private static final Pattern SLASHED = Pattern.compile("^(\\d{1,2})/(\\d{1,2})/(\\d{2}|\\d{4})(?:$|[\\s,])");
  private static final Pattern JIRA = Pattern.compile("^(\\d{1,2})[/ -]([A-Za-z]{3})[A-Za-z]*\\.?[/ -](\\d{2}|\\d{4})(?:$|[\\s,])");
  private static final Pattern MONTH_FIRST = Pattern.compile("^([A-Za-z]{3})[A-Za-z]*\\.? (\\d{1,2}),? (\\d{4})(?:$|[\\s,])");
  private static final Pattern EPOCH = Pattern.compile("^\\d{9,13}$");
  private static final Map<String, Integer> MONTHS = Map.ofEntries(Map.entry("jan", 1), Map.entry("feb", 2),
      Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5), Map.entry("jun", 6), Map.entry("jul", 7),
      Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10), Map.entry("nov", 11), Map.entry("dec", 12));

  private CreatedDates() {}

  /** Whether metadata {@code name} holds the created date. */
  static boolean isCreated(String name) {
    return NAMES.contains(CsvColumns.normal(name));
  }

  /** The date {@code value} shows, or {@code null} when it is none of the forms above. */
  static LocalDate parse(String value) {
    String v = value == null ? "" : value.strip();
    try {
      Matcher m = ISO.matcher(v);
      if (m.find()) {
        return LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
      }
      m = DOTTED.matcher(v);
      if (m.find()) {
        return LocalDate.of(num(m, 3), num(m, 2), num(m, 1));
      }
      m = SLASHED.matcher(v);
      if (m.find()) {
        int a = num(m, 1);
        int b = num(m, 2);
        int year = year(num(m, 3));
        return a > 12 ? LocalDate.of(year, b, a) : LocalDate.of(year, a, b);
      }
      m = JIRA.matcher(v);
      if (m.find() && month(m.group(2)) != null) {
        return LocalDate.of(year(num(m, 3)), month(m.group(2)), num(m, 1));
      }
      m = MONTH_FIRST.matcher(v);
      if (m.find() && month(m.group(1)) != null) {
        return LocalDate.of(num(m, 3), month(m.group(1)), num(m, 2));
      }
      if (EPOCH.matcher(v).matches()) {
        long n = Long.parseLong(v);
        Instant at = v.length() > 11 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n);
        return at.atZone(ZoneOffset.UTC).toLocalDate();
      }
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
    return null;
  }

  /** {@code 2026-W48}. */
  static String week(LocalDate d) {
    return String.format(Locale.ROOT, "%d-W%02d", d.get(IsoFields.WEEK_BASED_YEAR), d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
  }

  /** The Monday that starts the week of {@code d}. */
  static LocalDate monday(LocalDate d) {
    return d.minusDays(d.getDayOfWeek().getValue() - 1L);
  }

  private static int num(Matcher m, int group) {
    return Integer.parseInt(m.group(group));
  }

  private static int year(int y) {
    return y < 100 ? 2000 + y : y;
  }

  private static Integer month(String name) {
    return MONTHS.get(name.toLowerCase(Locale.ROOT));
  }
}
