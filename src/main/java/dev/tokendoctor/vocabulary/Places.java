package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
import java.util.Locale;

/**
 * Small questions the vocabulary rules ask about places: which kind of place an origin is, which cache file an
 * expiry is written in, which operating system a host runs. The origin's own methods answer the first two; these
 * remain for rules written against them.
 */
public final class Places {
  private Places() {}

  /** {@code env}, {@code cache} or {@code profile}: {@link Origin#place()}. */
  public static String of(Origin origin) {
    return origin == null ? "profile" : origin.place();
  }

  /** {@code env}, {@code cache} or {@code profile} for an origin's shown text. */
  public static String of(String origin) {
    return of(Origin.parse(origin));
  }

  /** The cache file an expiry is written in: what it applies to when known, else the origin's file. */
  public static String cacheFile(Origin origin, String appliesTo) {
    if (origin == null || !origin.inCache()) {
      return null;
    }
    return appliesTo != null ? appliesTo : origin.cacheFile();
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
