package dev.tokendoctor.vocabulary;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the kind of place out of an origin string, for the vocabulary rules (one home for what cause rules did
 * with {@code startsWith("env ")} and {@code contains("/cache/")}).
 */
public final class Places {
  private static final Pattern SECTION = Pattern.compile("(\\[[^\\]]*\\])");
  private static final Pattern TOKEN_LINE = Pattern.compile("(.+):(\\d+) \\[[^\\]]*\\] (?:aws_session_token|aws_security_token)");

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

  /**
   * The place a value was read from, to tell whether two values come from one place: {@code env} for any
   * environment variable, {@code [name]} for a profile section (whichever file), else the file without the field
   * name ({@code ~/.aws/cli/cache/<sha1>.json}).
   */
  public static String sourceOf(String origin) {
    if (origin == null) {
      return null;
    }
    if (origin.startsWith("env ")) {
      return "env";
    }
    Matcher section = SECTION.matcher(origin);
    if (section.find()) {
      return section.group(1);
    }
    return origin.replaceAll(" [^ \\[]+$", "");
  }

  /** The shared file of a token line ({@code ~/.aws/credentials:4 [default] aws_session_token}); else {@code null}. */
  public static String tokenLineFile(String origin) {
    Matcher m = origin == null ? null : TOKEN_LINE.matcher(origin);
    return m != null && m.matches() ? m.group(1) : null;
  }

  /** The line number of a token line; else {@code null}. */
  public static Integer tokenLineNumber(String origin) {
    Matcher m = origin == null ? null : TOKEN_LINE.matcher(origin);
    return m != null && m.matches() ? Integer.valueOf(m.group(2)) : null;
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
