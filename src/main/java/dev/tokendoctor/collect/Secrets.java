package dev.tokendoctor.collect;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.tokendoctor.redaction.SecretShapes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every secret value a collection met (keys' secrets, tokens, client secrets, process output, URL passwords),
 * and every name that is not shown because it does not look like a name (a secret used as a profile name),
 * kept in memory only, so that text leaving the collector (an error message from a library, the finished
 * bundle, a report) can be scrubbed and checked. A secret must never be written; this is the safety net behind
 * the descriptors. It also scrubs by shape ({@link SecretShapes}): a credential nobody told it about is still
 * recognised by what it looks like.
 */
public final class Secrets {
  /** Shorter values are too common to search for ("1", "true") and too short to be a credential. */
  private static final int MIN_LENGTH = 8;

  private final Set<String> values = new HashSet<>();
  /** Hidden names, as written, and the descriptor each is shown as. */
  private final Map<String, String> names = new LinkedHashMap<>();
  /** What to replace, longest first (a secret may contain another); rebuilt when something is remembered. */
  private List<Map.Entry<String, String>> replacements = List.of();

  synchronized void remember(String raw) {
    if (raw == null) {
      return;
    }
    String core = Descriptors.core(raw);
    if (core.length() >= MIN_LENGTH && values.add(core)) {
      replacements = null;
    }
  }

  /** A name (profile, session) shown as {@code shown} wherever it appears, because it does not look like a name. */
  synchronized void rememberName(String raw, String shown) {
    if (raw != null && !raw.isEmpty() && !shown.equals(names.put(raw, shown))) {
      replacements = null;
    }
  }

  /** {@code text} with every known secret replaced by {@code (redacted)}, every hidden name by its descriptor, and every credential-shaped part reduced. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (Map.Entry<String, String> r : replacements()) {
      if (out.contains(r.getKey())) {
        out = out.replace(r.getKey(), r.getValue());
      }
    }
    return SecretShapes.scrub(out);
  }

  /** {@code text} holds a known secret or hidden name. */
  public boolean leaksInto(String text) {
    for (Map.Entry<String, String> r : replacements()) {
      if (text.contains(r.getKey())) {
        return true;
      }
    }
    return false;
  }

  private synchronized List<Map.Entry<String, String>> replacements() {
    if (replacements == null) {
      Map<String, String> all = new LinkedHashMap<>();
      // Names first: a hidden profile name is shown by its descriptor everywhere, so facts still agree on it.
      names.forEach((raw, shown) -> {
        all.put(raw, shown);
        all.putIfAbsent(jsonEscaped(raw), shown);
      });
      for (String v : values) {
        all.putIfAbsent(v, "(redacted)");
        all.putIfAbsent(jsonEscaped(v), "(redacted)");
      }
      List<Map.Entry<String, String>> sorted = new ArrayList<>(all.entrySet());
      sorted.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
      replacements = List.copyOf(sorted);
    }
    return replacements;
  }

  /** The value as it appears inside a JSON string (a quote or a backslash in a secret is escaped there). */
  private static String jsonEscaped(String s) {
    return new String(JsonStringEncoder.getInstance().quoteAsString(s));
  }
}
