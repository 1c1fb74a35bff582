package dev.tokendoctor.vocabulary;

import java.util.Locale;

/**
 * Reads the kind of place out of an origin string, for the vocabulary rules (one home for what cause rules did
 * with {@code startsWith("env ")} and {@code contains("/cache/")}).
 */
public final class Places {
  private Places() {}

  /** {@code env}, {@code cache} or {@code profile}. */
  public static String of(String origin) {
    if (origin == null) {
      return "profile";
    }
    if (origin.startsWith("env ")) {
      return "env";
    }
    return origin.contains("/cache/") ? "cache" : "profile";
  }

  /** The environment variable an origin names ({@code env AWS_SESSION_TOKEN} → {@code AWS_SESSION_TOKEN}); {@code null} for any other place. */
  public static String variable(String origin) {
    return "env".equals(of(origin)) ? origin.substring(4) : null;
  }

  /** The cache file an expiry is written in: what it applies to when known, else the origin's path. */
  public static String cacheFile(String origin, String appliesTo) {
    if (!"cache".equals(of(origin))) {
      return null;
    }
    return appliesTo != null ? appliesTo : origin.split(" ")[0];
  }

  /** {@code windows}, {@code mac} or {@code linux} for an {@code os.name}-like text. */
  public static String osFamily(String os) {
    String o = os.toLowerCase(Locale.ROOT);
    if (o.contains("windows")) {
      return "windows";
    }
    return o.contains("darwin") || o.contains("mac") ? "mac" : "linux";
  }
}
