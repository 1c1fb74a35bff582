package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Clock skew AWS measured and wrote into its error: the request's time (the client's clock) and AWS's time.
 * {@code Signature expired: 20261204T101500Z is now earlier than 20261204T102501Z (20261204T103001Z - 5 min.)}
 * (also {@code - 15 min.}), {@code Signature not yet current: A is still later than B (C + 5 min.)}, and S3's
 * {@code RequestTimeTooSkewed} with {@code <RequestTime>} and {@code <ServerTime>}. Either alone proves the skew.
 */
final class SkewMessageExtractor implements Extractor {
  private static final String STAMP = "(\\d{8}T\\d{6}Z)";
  private static final Pattern EXPIRED = Pattern.compile(
      "Signature expired: " + STAMP + " is now earlier than " + STAMP + " \\(" + STAMP + " - \\d+ min\\.?\\)");
  private static final Pattern NOT_YET = Pattern.compile(
      "Signature not yet current: " + STAMP + " is still later than " + STAMP + " \\(" + STAMP + " \\+ \\d+ min\\.?\\)");
  private static final Pattern S3_REQUEST = Pattern.compile("<RequestTime>([^<]+)</RequestTime>");
  private static final Pattern S3_SERVER = Pattern.compile("<ServerTime>([^<]+)</ServerTime>");
  private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT);

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    for (int n = 1; n <= text.size(); n++) {
      String line = text.line(n);
      Matcher m = EXPIRED.matcher(line);
      if (!m.find()) {
        m = NOT_YET.matcher(line);
        if (!m.find()) {
          m = null;
        }
      }
      if (m != null) {
        add(facts, parse(m.group(1)), parse(m.group(3)), n);
        continue;
      }
      Matcher req = S3_REQUEST.matcher(line);
      if (req.find()) {
        for (int k = n; k <= Math.min(text.size(), n + 5); k++) {
          Matcher srv = S3_SERVER.matcher(text.line(k));
          if (srv.find()) {
            add(facts, parse(req.group(1)), parse(srv.group(1)), k);
            break;
          }
        }
      }
    }
  }

  private static void add(TicketFacts facts, Instant request, Instant server, int line) {
    if (request == null || server == null) {
      return;
    }
    long skew = request.getEpochSecond() - server.getEpochSecond();
    facts.clock(new Clock(request, server, Origin.ticketLine(line, "AWS's time in its error"), skew));
    facts.shown("clock", "ok", TicketText.origin(line) + ": AWS's error states its time and the request's");
  }

  /** {@code 20261204T101500Z}, ISO-8601, or an HTTP date; {@code null} when none of these. */
  static Instant parse(String s) {
    String t = s.strip();
    try {
      if (t.matches("\\d{8}T\\d{6}Z")) {
        return LocalDateTime.parse(t, BASIC).toInstant(ZoneOffset.UTC);
      }
      if (t.matches("\\d{4}-\\d{2}-\\d{2}T.*")) {
        return t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$") ? ZonedDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant()
            : LocalDateTime.parse(t).toInstant(ZoneOffset.UTC);
      }
      return ZonedDateTime.parse(t, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
