package dev.tokendoctor.diagnosis;

import java.time.Duration;

/** Durations as people read them in a finding: {@code 2 d 3 h}, {@code 4 h 12 min}, {@code 7 min}, {@code 40 s}. */
public final class Durations {
  private Durations() {}

  public static String words(Duration d) {
    long s = Math.abs(d.getSeconds());
    if (s >= 86_400) {
      return s / 86_400 + " d" + (s % 86_400 / 3_600 == 0 ? "" : " " + s % 86_400 / 3_600 + " h");
    }
    if (s >= 3_600) {
      return s / 3_600 + " h" + (s % 3_600 / 60 == 0 ? "" : " " + s % 3_600 / 60 + " min");
    }
    if (s >= 60) {
      return s / 60 + " min";
    }
    return s + " s";
  }
}
