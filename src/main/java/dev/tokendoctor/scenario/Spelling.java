package dev.tokendoctor.scenario;

import java.util.Collection;
import java.util.Locale;
import org.apache.commons.text.similarity.LevenshteinDistance;

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
    return LevenshteinDistance.getDefaultInstance().apply(a, b);
  }
}
