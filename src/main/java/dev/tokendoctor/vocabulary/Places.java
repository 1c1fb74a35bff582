package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
import java.util.Locale;

/**
 * Small questions the vocabulary rules ask about places: which kind of place an origin is, which cache file an
 * expiry is written in, which token line a value sits on, which operating system a host runs. Each takes an
 * {@link Origin} (or its shown text, for rules written against text) and asks the origin's own methods.
 */
public final class Places {
  private Places() {}

  /** {@code env}, {@code cache} or {@code profile}: {@link Origin#place()}. */
  public static String of(Origin origin) {
    return origin == null ? "profile" : origin.place();
  }

  /** The cache file an expiry is written in: what it applies to when known, else the origin's file. */
  public static String cacheFile(Origin origin, String appliesTo) {
    if (origin == null || !origin.inCache()) {
      return null;
    }
    return appliesTo != null ? appliesTo : origin.cacheFile();
  }

  /**
   * The place a value was read from, to tell whether two values come from one place: {@code env} for any
   * environment variable, {@code [name]} for a profile section (whichever file), else the file without the field
   * name ({@code ~/.aws/cli/cache/<sha1>.json}): {@link Origin#holder()}.
   */
  public static String sourceOf(Object origin) {
    Origin o = Origin.of(origin);
    return o == null ? null : o.holder();
  }

  /** The shared file of a token line ({@code ~/.aws/credentials:4 [default] aws_session_token}); else {@code null}. */
  public static String tokenLineFile(Object origin) {
    Origin o = tokenLine(origin);
    return o == null ? null : o.file();
  }

  /** The line number of a token line; else {@code null}. */
  public static Integer tokenLineNumber(Object origin) {
    Origin o = tokenLine(origin);
    return o == null ? null : o.line();
  }

  private static Origin tokenLine(Object origin) {
    Origin o = Origin.of(origin);
    return o != null && (o.isProperty("aws_session_token") || o.isProperty("aws_security_token"))
        && o.kind() == Origin.Kind.PROFILE_PROPERTY ? o : null;
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
