package dev.tokendoctor.vocabulary;

import java.time.Duration;
import java.time.Instant;

/**
 * The time expiries are judged by: AWS's clock when a probe brought back its Date header (a skewed local clock
 * must neither expire valid credentials nor keep expired ones alive), else the machine's clock at collection.
 *
 * @param at that time
 * @param awsClock {@code true} when it is AWS's clock
 */
public record Now(Instant at, boolean awsClock) {

  /** How long before now {@code instant} was (negative when it is still to come). */
  public Duration since(Instant instant) {
    return Duration.between(instant, at);
  }

  /** {@code instant} is before now. */
  public boolean isAfter(Instant instant) {
    return instant != null && instant.isBefore(at);
  }
}
