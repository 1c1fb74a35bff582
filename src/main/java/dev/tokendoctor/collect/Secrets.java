package dev.tokendoctor.collect;

import java.util.Collections;
import java.util.HashSet;
import java.util.Set;

/**
 * Every secret value a collection met (keys' secrets, tokens, client secrets, process output), kept in memory
 * only, so that text leaving the collector (an error message from a library, the finished bundle) can be
 * scrubbed and checked. A secret must never be written; this is the safety net behind the descriptors.
 */
public final class Secrets {
  /** Shorter values are too common to search for ("1", "true") and too short to be a credential. */
  private static final int MIN_LENGTH = 8;

  private final Set<String> values = Collections.synchronizedSet(new HashSet<>());

  void remember(String raw) {
    if (raw == null) {
      return;
    }
    String core = Descriptors.core(raw);
    if (core.length() >= MIN_LENGTH) {
      values.add(core);
    }
  }

  /** {@code text} with every known secret replaced by {@code (redacted)}. */
  public String scrub(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    synchronized (values) {
      for (String v : values) {
        if (out.contains(v)) {
          out = out.replace(v, "(redacted)");
        }
      }
    }
    return out;
  }

  /** {@code text} holds a known secret. */
  public boolean leaksInto(String text) {
    synchronized (values) {
      for (String v : values) {
        if (text.contains(v)) {
          return true;
        }
      }
    }
    return false;
  }
}
