package dev.tokendoctor.diagnosis;

import java.util.Locale;

/** How bad a finding is. An {@code ERROR} finding makes the process exit with 1. */
public enum Severity {
  ERROR,
  WARNING,
  INFO;

  public static Severity parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
