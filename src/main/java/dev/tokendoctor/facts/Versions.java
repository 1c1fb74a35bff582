package dev.tokendoctor.facts;

/** Compares dotted version strings numerically ({@code 2.167.0 < 2.173.1}); non-numeric parts compare as text. */
public final class Versions {
  private Versions() {}

  public static int compare(String a, String b) {
    String[] x = a.trim().split("[.\\-+]");
    String[] y = b.trim().split("[.\\-+]");
    for (int i = 0; i < Math.max(x.length, y.length); i++) {
      String p = i < x.length ? x[i] : "0";
      String q = i < y.length ? y[i] : "0";
      int c = p.matches("\\d+") && q.matches("\\d+")
          ? Long.compare(Long.parseLong(p), Long.parseLong(q))
          : p.compareTo(q);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
