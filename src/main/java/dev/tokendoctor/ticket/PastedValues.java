package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.ValueDescriptor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Describes a value pasted into a ticket the way collectors describe a value on a machine (length, shape
 * flags, placeholder kind, salted fingerprint), without keeping it. A value the customer masked ({@code ****},
 * {@code <redacted>}, {@code AKIA…WXYZ}) says only that the setting is there: its shape is unknown, so every
 * shape flag stays false and its length 0.
 */
final class PastedValues {
  /** The longest value the shape patterns are tried on: masks and placeholders are short. */
  private static final int MAX_PATTERN_INPUT = 512;

  enum Kind { KEY_ID, SECRET, PLAIN }

  private static final Pattern MASKED = Pattern.compile(
      "(?i).*\\*{3,}.*|.*…|.*\\.\\.\\.|[<\\[(]?(?:redacted|removed|hidden|masked|snipp?e?d?|omitted|censored|sanitized|scrubbed|not shown|xxx+)[>\\])]?|x{4,}");
  private static final Pattern TEMPLATE = Pattern.compile(
      "(?i)<[^>]+>|\\$\\{[^}]+}|\\{\\{[^}]+}}|%[A-Z_]+%|your[_\\- ]?\\w*|.*_here|replace[_\\- ]?me|change[_\\- ]?me|todo");
  private static final Set<String> LITERAL_NONE = Set.of("undefined", "null", "none", "nil", "(null)", "nan", "[object object]");
  private static final Set<String> DUMMY = Set.of("dummy", "test", "testing", "fake", "foo", "bar", "secret", "key", "abc", "123");
  private static final Pattern BASE32_UPPER = Pattern.compile("[A-Z2-7]+");
  private static final Pattern ALNUM_UPPER = Pattern.compile("[A-Z0-9]+");
  private static final Pattern BASE64 = Pattern.compile("[A-Za-z0-9/+=]+");

  private final byte[] salt = new byte[16];

  PastedValues() {
    new SecureRandom().nextBytes(salt);
  }

  /** The customer hid the value: only its presence is known. */
  static boolean masked(String raw) {
    String core = core(raw);
    // A mask is short; the pattern is not linear, and a ticket's values are untrusted.
    return !core.isEmpty() && core.length() <= MAX_PATTERN_INPUT && MASKED.matcher(core).matches();
  }

  ValueDescriptor describe(String raw, Kind kind) {
    String core = core(raw);
    boolean quoted = isQuoted(raw.strip());
    if (masked(raw)) {
      KeyIds.Pasted id = kind == Kind.KEY_ID ? KeyIds.find(core) : null;
      if (id != null) {
        return keyId(id);
      }
      return new ValueDescriptor(true, 0, 0, false, false, false, false, false, false, quoted, false, false, false, null,
          null, id == null ? null : id.prefix(), id == null ? null : id.last4(), id == null ? null : id.shown(), null);
    }
    boolean empty = raw.isBlank();
    boolean leading = !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t');
    boolean trailing = !raw.isEmpty() && (raw.charAt(raw.length() - 1) == ' ' || raw.charAt(raw.length() - 1) == '\t');
    String inner = raw.strip();
    if (quoted) {
      inner = inner.substring(1, inner.length() - 1);
    }
    boolean innerWs = inner.strip().chars().anyMatch(c -> c == ' ' || c == '\t');
    boolean invisible = raw.chars().anyMatch(c -> c == '\u200b' || c == '\u00a0' || c == '\ufeff' || c == '\u200c' || c == '\u200d');
    boolean nonAscii = raw.chars().anyMatch(c -> c > 126 || c < 32 && c != '\t');
    String placeholder = empty ? null : placeholderKind(core);
    boolean keyId = kind == Kind.KEY_ID;
    String shown = switch (kind) {
      case KEY_ID -> ALNUM_UPPER.matcher(core).matches() ? KeyIds.shorten(core) : null;
      case SECRET -> null;
      case PLAIN -> PastedSecrets.secretShaped(core) ? null : PastedSecrets.scrub(core);
    };
    return new ValueDescriptor(true, raw.length(), core.length(), empty, leading, trailing, innerWs, raw.indexOf('\r') >= 0,
        raw.indexOf('\n') >= 0, quoted, nonAscii, invisible, placeholder != null, placeholder, empty ? null : charset(core),
        keyId && core.length() >= 4 ? core.substring(0, 4) : null, keyId && core.length() >= 8 ? core.substring(core.length() - 4) : null,
        shown, empty ? null : fingerprint(core));
  }

  /** A key id the text showed in any form (whole, shortened or masked). */
  ValueDescriptor keyId(KeyIds.Pasted id) {
    if (id.full() != null) {
      return describe(id.full(), Kind.KEY_ID);
    }
    // A shortened id hides its middle; it is taken as a well-formed 20-character id, so that rules reason only
    // on what the text shows (its prefix and last four) and never call it malformed for what was cut out.
    return new ValueDescriptor(true, 20, 20, false, false, false, false, false, false, false, false, false, false, null,
        "base32-upper", id.prefix(), id.last4(), id.shown(), null);
  }

  static String placeholderKind(String core) {
    String l = core.toLowerCase(Locale.ROOT);
    if (core.matches("A[KS]IA[A-Z0-9]{9}EXAMPLE") || core.matches("[A-Za-z0-9/+]{30}EXAMPLEKEY")) {
      return "aws-example";
    }
    if (core.length() <= MAX_PATTERN_INPUT && TEMPLATE.matcher(core).matches()) {
      return "template";
    }
    if (LITERAL_NONE.contains(l)) {
      return "literal-undefined";
    }
    return DUMMY.contains(l) ? "dummy" : null;
  }

  /** Trimmed, without surrounding quotes. */
  static String core(String raw) {
    String s = raw.strip();
    if (isQuoted(s)) {
      s = s.substring(1, s.length() - 1).strip();
    }
    return s;
  }

  private static boolean isQuoted(String s) {
    return s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '\'') && s.charAt(s.length() - 1) == s.charAt(0);
  }

  private static String charset(String core) {
    if (BASE32_UPPER.matcher(core).matches()) {
      return "base32-upper";
    }
    if (ALNUM_UPPER.matcher(core).matches()) {
      return "alnum-upper";
    }
    return BASE64.matcher(core).matches() ? "base64" : "other";
  }

  private String fingerprint(String core) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(salt);
      return HexFormat.of().formatHex(d.digest(core.getBytes(StandardCharsets.UTF_8))).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
