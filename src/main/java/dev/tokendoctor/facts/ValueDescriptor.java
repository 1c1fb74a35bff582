package dev.tokendoctor.facts;

/**
 * What can be said about one configured value (a key id, a secret, a token, a region...) without
 * revealing it.
 *
 * <p>A descriptor is computed from the raw value exactly as it sits in its source (the environment
 * variable or the file line, before any parser trims it), so the shape flags describe what the user wrote.
 * When a descriptor is present, all its flags were computed; an omitted flag in a bundle means {@code false}.
 *
 * @param present the setting exists (the variable is set or the line is there), even when its value is empty
 * @param length number of characters of the raw value
 * @param trimmedLength number of characters once surrounding whitespace and quotes are removed
 * @param empty the value is the empty string (or only whitespace)
 * @param leadingWhitespace the raw value starts with a space or tab
 * @param trailingWhitespace the raw value ends with a space or tab
 * @param innerWhitespace a space or tab inside the value (not at either end)
 * @param carriageReturn a CR character anywhere (a Windows line ending kept in the value)
 * @param newline a line feed inside the value (a value split over lines)
 * @param quoted the value is wrapped in matching single or double quotes
 * @param nonAscii the value holds a character outside printable ASCII
 * @param invisible the value holds an invisible character: zero-width space, no-break space, BOM
 * @param placeholder the value looks like a placeholder, not a real credential (see {@code placeholderKind})
 * @param placeholderKind what kind of placeholder: {@code aws-example}, {@code template},
 *     {@code literal-undefined}, {@code dummy}; {@code null} when not a placeholder
 * @param charset the characters the trimmed, unquoted value is made of: {@code base32-upper} (A-Z, 2-7, the
 *     alphabet of access key ids), {@code alnum-upper}, {@code base64} (letters, digits, '/', '+', '='),
 *     {@code other}
 * @param prefix for access key ids only: the first four characters of the trimmed, unquoted value
 *     ({@code AKIA}, {@code ASIA}, {@code AIDA}...)
 * @param last4 for access key ids only: the last four characters of the trimmed, unquoted value
 * @param shown the form that is safe to show: the whole value for non-secret settings (region, profile
 *     name, URL), {@code AKIA…MPLE} for key ids, {@code null} for secrets and tokens
 * @param fingerprint salted SHA-256 of the trimmed, unquoted value (16 hex characters); two values with the
 *     same fingerprint in one bundle are equal, and nothing else can be learned from it
 */
public record ValueDescriptor(
    boolean present,
    int length,
    int trimmedLength,
    boolean empty,
    boolean leadingWhitespace,
    boolean trailingWhitespace,
    boolean innerWhitespace,
    boolean carriageReturn,
    boolean newline,
    boolean quoted,
    boolean nonAscii,
    boolean invisible,
    boolean placeholder,
    String placeholderKind,
    String charset,
    String prefix,
    String last4,
    String shown,
    String fingerprint) {

  /** Whitespace, CR, LF or invisible characters anywhere in the raw value. */
  public boolean hasStrayCharacters() {
    return leadingWhitespace || trailingWhitespace || innerWhitespace || carriageReturn || newline || invisible;
  }

  /** Nothing about the value's shape is suspicious. */
  public boolean clean() {
    return present && !empty && !hasStrayCharacters() && !quoted && !nonAscii && !placeholder;
  }

  /** The shape of a real access key id: 20 characters of A-Z and 2-7, once trimmed and unquoted. */
  public boolean accessKeyIdShaped() {
    return trimmedLength == 20 && "base32-upper".equals(charset);
  }

  /** A short label for messages: the shown form, or "(secret, N chars)". */
  public String label() {
    return shown != null ? shown : "(hidden, " + length + " chars)";
  }

  /** The raw value is longer than the value itself: whitespace or quotes around it. */
  public boolean padded() {
    return length != trimmedLength;
  }

  /** The value holds characters outside those its kind uses (A-Z a-z 0-9 / + for a secret): {@code charset == "other"}. */
  public boolean oddCharacters() {
    return "other".equals(charset);
  }
}
