package dev.tokendoctor.redaction;

import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a credential looks like, whatever it is called. A value kept under a misspelled or made-up name
 * ({@code AWS_SECERT_ACCESS_KEY}, {@code my_key}), a secret used as a profile name, a password inside an
 * endpoint URL or a token in a pasted debug log is recognised by its shape and reduced to a descriptor:
 * access key ids keep their prefix and last four characters ({@code AKIA…WXYZ}, as CloudTrail shows them),
 * everything else only its length ({@code (hidden, 40 chars)}). URLs keep scheme, host, port and path; their
 * user-info and query values are reduced.
 *
 * <p>The shapes are those of AWS credentials and their neighbours: a secret access key is 40 characters of
 * base64 with both cases; a session token is long base64 (often starting {@code IQoJ}, {@code FwoG},
 * {@code FQoD}, often with runs of {@code /}); SSO client secrets and OIDC tokens are JWTs; other API keys are
 * long runs of letters and digits that change character class nearly every other character. Hashes written in
 * lower-case hex (cache file names, fingerprints) are not secrets and are left alone.
 */
public final class SecretShapes {
  /** What a value is shaped like. */
  public enum Shape {
    /** An access key id ({@code AKIA}/{@code ASIA}/{@code ABIA}/{@code ACCA} and 16 more): shown as {@code AKIA…WXYZ}. */
    ACCESS_KEY_ID,
    /** 40 characters of base64 with both cases: a secret access key. */
    SECRET_KEY,
    /** Long base64, or a known session-token prefix: a session token. */
    SESSION_TOKEN,
    /** Three base64url parts starting {@code eyJ}: a JSON web token (SSO and OIDC tokens, client secrets). */
    JWT,
    /** A long run of letters and digits with no structure: an API key or password. */
    RANDOM
  }

  private static final Pattern KEY_ID = Pattern.compile("(?<![A-Za-z0-9])A(?:KIA|SIA|BIA|CCA)[A-Z0-9]{16}(?![A-Za-z0-9])");
  private static final Pattern JWT = Pattern.compile("(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]{6,}\\.[A-Za-z0-9_-]*");
  /** A run of base64 characters, the raw material of secrets, keys and tokens. */
  private static final Pattern BASE64_RUN = Pattern.compile("[A-Za-z0-9/+]+={0,2}");
  private static final Pattern URL = Pattern.compile(
      "(?i)\\b([a-z][a-z0-9+.-]{1,15}://)([^\\s/?#@\"'<>`]*@)?([^\\s/?#\"'<>`]*)([^\\s?#\"'<>`]*)(\\?[^\\s#\"'<>`]*)?");
  /** Query parameters that carry credentials: a signature, a token, a password, a key. */
  private static final Pattern SENSITIVE_PARAMETER = Pattern.compile(
      "(?i)sig|token|secret|pass|pwd|key|auth|credential|session|code");
  private static final int SECRET_KEY_LENGTH = 40;
  private static final int TOKEN_MIN_LENGTH = 100;
  private static final int RANDOM_MIN_LENGTH = 32;

  private SecretShapes() {}

  /** The shape of the whole of {@code value} (trimmed), or {@code null} when it does not look like a credential. */
  public static Shape of(String value) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (KEY_ID.matcher(v).matches()) {
      return Shape.ACCESS_KEY_ID;
    }
    if (JWT.matcher(v).matches()) {
      return Shape.JWT;
    }
    return BASE64_RUN.matcher(v).matches() ? runShape(v) : null;
  }

  /** {@code value} is shaped like a secret (anything but an access key id, which may be shown in part). */
  public static boolean secret(String value) {
    Shape s = of(value);
    return s != null && s != Shape.ACCESS_KEY_ID;
  }

  /** {@code text} holds something shaped like a credential, or a URL with user-info or a query. */
  public static boolean found(String text) {
    return text != null && !scrub(text).equals(text);
  }

  /** {@code text} with every credential-shaped part reduced to a descriptor (see the class comment). */
  public static String scrub(String text) {
    return scrub(text, removed -> {});
  }

  /**
   * {@code text} with every credential-shaped part reduced to a descriptor; each removed part is passed to
   * {@code removed} (to remember it, and scrub it wherever else it turns up).
   */
  public static String scrub(String text, Consumer<String> removed) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text.indexOf("://") >= 0 ? urls(text, removed) : text;
    out = replace(JWT, out, m -> hide(m.group(), removed));
    out = replace(KEY_ID, out, m -> keyId(m.group()));
    out = replace(BASE64_RUN, out, m -> {
      String run = m.group();
      return run.length() >= 24 && runShape(run) != null ? hide(run, removed) : run;
    });
    return out;
  }

  /** A URL with its user-info and query values reduced; scheme, host, port, path and fragment kept. */
  public static String url(String url) {
    return url == null ? null : urls(url, removed -> {});
  }

  /** An access key id as it may be shown: {@code AKIA…WXYZ}. */
  public static String keyId(String keyId) {
    return keyId.length() <= 8 ? hidden(keyId.length()) : keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
  }

  /** The descriptor a hidden value is replaced with. */
  public static String hidden(int length) {
    return "(hidden, " + length + " chars)";
  }

  private static String urls(String text, Consumer<String> removed) {
    return replace(URL, text, m -> {
      StringBuilder sb = new StringBuilder(m.group(1));
      if (m.group(2) != null) {
        String userInfo = m.group(2).substring(0, m.group(2).length() - 1);
        sb.append(hide(userInfo, removed)).append('@');
        int colon = userInfo.indexOf(':');
        if (colon >= 0) {
          removed.accept(userInfo.substring(colon + 1));
        }
      }
      sb.append(m.group(3)).append(m.group(4));
      if (m.group(5) != null) {
        sb.append('?');
        String[] params = m.group(5).substring(1).split("&", -1);
        for (int i = 0; i < params.length; i++) {
          String p = params[i];
          int eq = p.indexOf('=');
          sb.append(i == 0 ? "" : "&");
          if (p.isEmpty()) {
            continue;
          }
          String name = eq < 0 ? "" : p.substring(0, eq + 1);
          String value = eq < 0 ? p : p.substring(eq + 1);
          if (value.startsWith("(hidden")) {
            // Already reduced (a descriptor's space ends the match): scrubbing twice changes nothing.
            sb.append(p);
            continue;
          }
          // Every query value is hidden here; only credentials are remembered, to be scrubbed wherever else they appear.
          boolean credential = SENSITIVE_PARAMETER.matcher(name).find() || of(value) != null;
          sb.append(name).append(credential ? hide(value, removed) : hidden(value.length()));
        }
      }
      return sb.toString();
    });
  }

  private static String hide(String value, Consumer<String> removed) {
    if (!value.isEmpty()) {
      removed.accept(value);
    }
    return hidden(value.length());
  }

  /** The shape of a run of base64 characters, or {@code null} for one that is not a credential. */
  private static Shape runShape(String run) {
    int len = run.length();
    int upper = 0;
    int lower = 0;
    int digits = 0;
    int slashes = 0;
    int changes = 0;
    int previous = -1;
    for (int i = 0; i < len; i++) {
      char ch = run.charAt(i);
      int cls = ch >= 'A' && ch <= 'Z' ? 0 : ch >= 'a' && ch <= 'z' ? 1 : ch >= '0' && ch <= '9' ? 2 : 3;
      switch (cls) {
        case 0 -> upper++;
        case 1 -> lower++;
        case 2 -> digits++;
        default -> slashes += ch == '/' ? 1 : 0;
      }
      if (previous >= 0 && cls != previous) {
        changes++;
      }
      previous = cls;
    }
    boolean mixedCase = upper > 0 && lower > 0;
    if (!mixedCase) {
      // Hex digests, upper-case ids, words: not secrets of any kind AWS issues.
      return null;
    }
    if (len >= 24 && (run.startsWith("IQoJ") || run.startsWith("FwoG") || run.startsWith("FQoD"))) {
      return Shape.SESSION_TOKEN;
    }
    // A path is a run too ("/home/Me/bin/tool"): many slashes and a leading one tell it from base64.
    boolean pathLike = run.startsWith("/") || slashes * 8 > len && !run.contains("//////");
    if (pathLike) {
      return null;
    }
    if (len >= TOKEN_MIN_LENGTH && digits > 0 || len >= 40 && run.contains("//////")) {
      return Shape.SESSION_TOKEN;
    }
    if (len == SECRET_KEY_LENGTH && len - upper - lower > 0) {
      return Shape.SECRET_KEY;
    }
    if (len >= RANDOM_MIN_LENGTH && digits > 0 && changes * 5 >= len * 2) {
      return Shape.RANDOM;
    }
    return null;
  }

  private static String replace(Pattern p, String text, java.util.function.Function<Matcher, String> with) {
    Matcher m = p.matcher(text);
    if (!m.find()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length());
    int last = 0;
    do {
      sb.append(text, last, m.start()).append(with.apply(m));
      last = m.end();
    } while (m.find());
    return sb.append(text, last, text.length()).toString();
  }
}
