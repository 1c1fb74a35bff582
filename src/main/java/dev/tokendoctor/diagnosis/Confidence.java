package dev.tokendoctor.diagnosis;

import java.util.Locale;

/** How sure a rule is that its cause is the real one, given the evidence it needs. */
public enum Confidence {
  HIGH,
  MEDIUM,
  LOW;

  public static Confidence parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
