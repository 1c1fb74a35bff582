package dev.tokendoctor.collect;

import dev.tokendoctor.facts.ValueDescriptor;
import dev.tokendoctor.redaction.SecretShapes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The one place raw values become {@link ValueDescriptor}s. Redaction is by construction: collectors hand a
 * raw value and say what kind of value it is; secrets come back as shape, length and a fingerprint salted
 * with a random per-bundle salt, so equal values compare equal inside one bundle and nothing else can be
 * learned. Every secret seen is also remembered by {@link Secrets}, for the final leak check.
 *
 * <p>Names only decide the least that is hidden: a value filed under an innocent name is still reduced when it
 * is shaped like a credential ({@link SecretShapes}: a secret key under {@code AWS_SECERT_ACCESS_KEY}, a key id
 * under {@code my_key}), and a URL keeps its scheme, host, port and path but not its password or query values.
 */
public final class Descriptors {
  private static final Pattern KEY_ID_DISPLAYABLE = Pattern.compile("[A-Z0-9]{4,128}");
  private static final Pattern BASE32_UPPER = Pattern.compile("[A-Z2-7]+");
  private static final Pattern ALNUM_UPPER = Pattern.compile("[A-Z0-9]+");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9/+=]+");

  private final byte[] salt;
  private final Secrets secrets;

  public Descriptors(Secrets secrets) {
    this(randomSalt(), secrets);
  }

  Descriptors(byte[] salt, Secrets secrets) {
    this.salt = salt.clone();
    this.secrets = secrets;
  }

  private static byte[] randomSalt() {
    byte[] s = new byte[32];
    new SecureRandom().nextBytes(s);
    return s;
  }

  /** What kind of value a setting holds, which decides what of it may be shown. */
  public enum Kind {
    /** An access key id: prefix and last 4 may be shown (they appear in CloudTrail and error messages). */
    KEY_ID,
    /** A secret key, session token, SSO token, client secret: nothing but shape and fingerprint. */
    SECRET,
    /** A region, URL, path, date: shown whole, unless it is shaped like a credential or holds one (a URL's password). */
    PLAIN,
    /** A profile or session name: shown whole when it looks like a name, else by a descriptor (see {@link #name}). */
    NAME
  }

  /** What a name may be made of to be shown: letters, digits and the punctuation profile names use. */
  private static final Pattern NAME_SHAPED = Pattern.compile("[\\p{L}\\p{N}_\\-/.%@:+ ]{1,64}");
  /** Odd names shorter than this are shown anyway: too short to be a credential. */
  private static final int NAME_SECRET_MIN = 8;

  public ValueDescriptor keyId(String raw) {
    return describe(raw, Kind.KEY_ID);
  }

  public ValueDescriptor secret(String raw) {
    return describe(raw, Kind.SECRET);
  }

  public ValueDescriptor plain(String raw) {
    return describe(raw, Kind.PLAIN);
  }

  /** The descriptor of {@code raw} exactly as written in its source. */
  public ValueDescriptor describe(String raw, Kind kind) {
    if (raw == null) {
      return null;
    }
    String core = core(raw);
    String shownPlain = raw;
    if (kind == Kind.NAME) {
      name(core);
    } else if (kind == Kind.PLAIN) {
      SecretShapes.Shape shape = SecretShapes.of(core);
      if (shape == SecretShapes.Shape.ACCESS_KEY_ID) {
        kind = Kind.KEY_ID;
      } else if (shape != null) {
        kind = Kind.SECRET;
      } else {
        shownPlain = SecretShapes.scrub(raw, secrets::remember);
      }
    }
    if (kind == Kind.SECRET) {
      secrets.remember(raw);
    }
    boolean leading = !raw.isEmpty() && isBlankChar(raw.charAt(0));
    boolean trailing = !raw.isEmpty() && isBlankChar(raw.charAt(raw.length() - 1));
    String stripped = stripBlanks(raw);
    boolean inner = stripped.indexOf(' ') >= 0 || stripped.indexOf('\t') >= 0;
    boolean quoted = isQuoted(stripped);
    boolean nonAscii = false;
    boolean invisible = false;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (isInvisible(c)) {
        invisible = true;
      }
      if ((c < 0x20 && c != '\t' && c != '\r' && c != '\n') || c > 0x7e) {
        nonAscii = true;
      }
    }
    String placeholderKind = Placeholders.kind(core);
    String prefix = null;
    String last4 = null;
    String shown = null;
    if (kind == Kind.KEY_ID && KEY_ID_DISPLAYABLE.matcher(core).matches()) {
      // Only values shaped like identifiers: a secret pasted into the key id slot keeps all its characters hidden.
      prefix = core.substring(0, 4);
      last4 = core.substring(core.length() - 4);
      shown = prefix + "…" + last4;
    } else if (kind == Kind.PLAIN || kind == Kind.NAME) {
      shown = kind == Kind.NAME ? raw : shownPlain;
    }
    return new ValueDescriptor(
        true,
        raw.length(),
        core.length(),
        raw.isBlank() || stripBlanks(raw).isEmpty(),
        leading,
        trailing,
        inner,
        raw.indexOf('\r') >= 0,
        raw.indexOf('\n') >= 0,
        quoted,
        nonAscii,
        invisible,
        placeholderKind != null,
        placeholderKind,
        charset(core),
        prefix,
        last4,
        shown,
        fingerprint(core));
  }

  /**
   * Which set of credentials a probe sent, as a salted fingerprint of key id, secret and token exactly as sent:
   * equal for probes that sent the same values, and no way back to any of them.
   */
  public String credentialSet(String keyId, String secret, String token) {
    return fingerprint((keyId == null ? "" : keyId) + "\u0000" + (secret == null ? "" : secret) + "\u0000" + (token == null ? "" : token));
  }

  /**
   * A profile, session or services name as it may be shown: whole when it looks like a name; otherwise (a
   * secret or key id used as a profile name, a long string of odd characters) a descriptor that is the same
   * for the same name within one bundle, so that the facts naming it still agree. The name is remembered, and
   * {@link Secrets#scrub} replaces it by that descriptor in everything that leaves the collector.
   */
  public String name(String raw) {
    if (raw == null || looksLikeName(raw)) {
      return raw;
    }
    String stripped = stripBlanks(raw);
    if (!stripped.equals(raw) && !stripped.isEmpty() && !looksLikeName(stripped)) {
      // The AWS SDK for Java trims AWS_PROFILE, botocore does not: both forms may reach the facts.
      secrets.rememberName(stripped, hiddenName(stripped));
    }
    String shown = hiddenName(raw);
    secrets.rememberName(raw, shown);
    return shown;
  }

  private String hiddenName(String raw) {
    return "(hidden name, " + raw.length() + " chars, " + fingerprint(raw).substring(0, 8) + ")";
  }

  /** {@code raw} may be shown as a name: nothing shaped like a credential, and made of name characters (or short). */
  static boolean looksLikeName(String raw) {
    if (SecretShapes.found(raw)) {
      return false;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (Character.isISOControl(raw.charAt(i))) {
        return false;
      }
    }
    return raw.length() < NAME_SECRET_MIN || NAME_SHAPED.matcher(raw).matches();
  }

  /** The fingerprint {@link #describe} gives a value: to compare values of different sources. */
  private String fingerprint(String core) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      sha.update(core.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
    }
  }

  /** The value once surrounding whitespace (and invisible characters) and one pair of matching quotes are removed. */
  static String core(String raw) {
    String s = stripBlanks(raw);
    if (isQuoted(s)) {
      s = stripBlanks(s.substring(1, s.length() - 1));
    }
    return s;
  }

  private static String stripBlanks(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && (Character.isWhitespace(s.charAt(start)) || isInvisible(s.charAt(start)))) {
      start++;
    }
    while (end > start && (Character.isWhitespace(s.charAt(end - 1)) || isInvisible(s.charAt(end - 1)))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isQuoted(String s) {
    return s.length() >= 2 && ((s.startsWith("\"") && s.endsWith("\"")) || (s.startsWith("'") && s.endsWith("'")));
  }

  private static boolean isBlankChar(char c) {
    return c == ' ' || c == '\t';
  }

  static boolean isInvisible(char c) {
    return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00A0'
        || c == '\u202F' || c == '\u00AD';
  }

  private static String charset(String core) {
    if (core.isEmpty()) {
      return null;
    }
    if (BASE32_UPPER.matcher(core).matches()) {
      return "base32-upper";
    }
    if (ALNUM_UPPER.matcher(core).matches()) {
      return "alnum-upper";
    }
    if (BASE64.matcher(core).matches()) {
      return "base64";
    }
    return "other";
  }
}
