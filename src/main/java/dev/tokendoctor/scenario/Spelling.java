package dev.tokendoctor.scenario;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean ...?" for names people type: scenario keys, cause ids, fact fields. */
public final class Spelling {
  private Spelling() {}

  /** The candidate closest to {@code word} when it is close enough to be a typo of it, else {@code null}. */
  public static String closest(String word, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    String w = word.toLowerCase(Locale.ROOT);
    for (String c : candidates) {
      int d = distance(w, c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        bestDistance = d;
        best = c;
      }
    }
    // A third of the word may be wrong; beyond that the suggestion is noise.
    return best != null && bestDistance <= Math.max(1, word.length() / 3) ? best : null;
  }

  /** {@code " (did you mean X?)"}, or nothing. */
  public static String suggestion(String word, Collection<String> candidates) {
    String c = closest(word, candidates);
    return c == null ? "" : " (did you mean " + c + "?)";
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
