package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * The machine's clock at collection time, compared with AWS's.
 *
 * @param localTime the local clock when the bundle was collected; every "is it expired" question is asked
 *     against this instant, so a bundle diagnoses the same on any machine later
 * @param serverTime the time an AWS response said it was ({@code Date} header), when one came
 * @param serverTimeOrigin which response that was
 * @param skewSeconds local minus server, in seconds; {@code null} when no server time is known
 */
public record Clock(Instant localTime, Instant serverTime, Origin serverTimeOrigin, Long skewSeconds) {

  /** The absolute skew in seconds, or -1 when unknown. */
  public long absoluteSkewSeconds() {
    return skewSeconds == null ? -1 : Math.abs(skewSeconds);
  }

  /** {@code instant} is before the local collection time. */
  public boolean isPast(Instant instant) {
    return instant != null && localTime != null && instant.isBefore(localTime);
  }

  /** Seconds from {@code instant} to the local collection time (negative when it is in the future). */
  public long secondsSince(Instant instant) {
    return localTime.getEpochSecond() - instant.getEpochSecond();
  }
}
