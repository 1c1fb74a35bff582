package dev.tokendoctor.facts;

import java.time.Duration;

/**
 * A tunable number the rules read by name, one row of {@code rules/tables/settings.csv}: the clock-skew tolerance,
 * how long a new key takes to propagate, and the like. A rule joins it by name, so the number is written once:
 * {@code Setting( name == "clock-skew-tolerance", $tolerance : value )}.
 *
 * @param name the setting's name, in lower case with dashes ({@code clock-skew-tolerance})
 * @param value its value, a whole number in {@code unit}
 * @param unit {@code s} (seconds), {@code min}, {@code h}, {@code chars} or {@code count}
 * @param meaning what it tunes, in plain words
 */
public record Setting(String name, long value, String unit, String meaning) {

  /** The value as a duration, for a setting in {@code s}, {@code min} or {@code h}; {@code null} for other units. */
  public Duration duration() {
    return switch (unit) {
      case "s" -> Duration.ofSeconds(value);
      case "min" -> Duration.ofMinutes(value);
      case "h" -> Duration.ofHours(value);
      default -> null;
    };
  }
}
