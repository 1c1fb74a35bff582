package dev.tokendoctor.facts;

import java.util.regex.Pattern;

/** Compares dotted version strings numerically ({@code 2.167.0 < 2.173.1}); non-numeric parts compare as text. */
public final class Versions {
  // Compiled once: rules compare versions against every row of the tool-defect table.
  private static final Pattern SEPARATOR = Pattern.compile("[.\\-+]");
  private static final Pattern DIGITS = Pattern.compile("\\d+");

  private Versions() {}

  public static int compare(String a, String b) {
    String[] x = SEPARATOR.split(a.trim());
    String[] y = SEPARATOR.split(b.trim());
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c = DIGITS.matcher(p).matches() && DIGITS.matcher(q).matches()
          ? Long.compare(Long.parseLong(p), Long.parseLong(q))
          : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
