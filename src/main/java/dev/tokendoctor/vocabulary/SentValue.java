package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.StsProbe;
import dev.tokendoctor.facts.ValueDescriptor;

/**
 * One credential value the failing client sends: its access key id, its secret access key or its session token,
 * as its provider chain resolved it, with what can be said about the value's shape and where it came from.
 * Cause rules about the shape of a value (quotes, whitespace, invisible characters, a placeholder, a value cut
 * short or empty) match it instead of the three slots of {@code ResolvedCredentials}.
 *
 * @param setting which value, in words: {@code access key id}, {@code secret access key} or {@code session token}
 * @param origin where it came from ({@code env AWS_SECRET_ACCESS_KEY}, {@code ~/.aws/credentials:3 [dev] aws_secret_access_key})
 * @param value its descriptor (shape, length, fingerprint; never the secret itself)
 * @param client the client that sends it ({@code cli-v2}, {@code botocore}, {@code java-sdk-v2})
 * @param profile the profile the credentials came from; {@code null} when none
 * @param fromEnvironment the credentials came from environment variables (the provider, not this value's origin)
 */
public record SentValue(String setting, Origin origin, ValueDescriptor value, String client, String profile, boolean fromEnvironment) {

  /** It is the access key id. */
  public boolean keyId() {
    return "access key id".equals(setting);
  }

  /** It is the secret access key. */
  public boolean secret() {
    return "secret access key".equals(setting);
  }

  /** It is the session token. */
  public boolean token() {
    return "session token".equals(setting);
  }

  /** Where the value is written: {@code env} (an environment variable), {@code cache} or {@code profile} (a line of the shared files). */
  public String place() {
    return Places.of(origin);
  }

  /** The value is an environment variable. */
  public boolean inEnvironment() {
    return "env".equals(place());
  }

  /** The environment variable that holds it ({@code AWS_SECRET_ACCESS_KEY}); {@code null} when it is not one. */
  public String variable() {
    return origin == null ? null : origin.variable();
  }

  /** The key that holds this value in a profile ({@code aws_access_key_id}, {@code aws_secret_access_key}, {@code aws_session_token}). */
  public String fileKey() {
    return keyId() ? "aws_access_key_id" : secret() ? "aws_secret_access_key" : "aws_session_token";
  }

  /** The profile to name in a command's {@code --profile}: {@code null} when the credentials came from the environment. */
  public String commandProfile() {
    return fromEnvironment ? null : profile;
  }

  /**
   * The client in words: {@code the AWS CLI v2}, {@code botocore (boto3, AWS CLI v1)}, {@code the AWS SDK for Java v2};
   * {@code the client} when the bundle does not say which.
   */
  public String clientName() {
    return client == null ? "the client" : StsProbe.clientName(client);
  }

  /** A space or tab inside the value, a line break inside it, or an invisible character: every AWS client sends these. */
  public boolean strayInside() {
    return value.innerWhitespace() || value.invisible() || value.newline();
  }

  /** A space or tab at either end, or a carriage return: some clients and parsers strip these. */
  public boolean strayAtEdges() {
    return value.leadingWhitespace() || value.trailingWhitespace() || value.carriageReturn();
  }

  /**
   * Stray characters reach AWS with the value: inside it (every client sends them), or at its ends in an environment
   * variable read by a client other than the AWS SDK for Java v2 (which trims environment values; the botocore and
   * Java parsers of the shared files strip the ends too).
   */
  public boolean strayReachesAws() {
    return strayInside() || (strayAtEdges() && inEnvironment() && !"java-sdk-v2".equals(client));
  }

  /** The value holds characters outside base64 (a stray %, \ or &). */
  public boolean garbled() {
    return "other".equals(value.charset());
  }

  /** It is AWS's documented example value. */
  public boolean awsExample() {
    return "aws-example".equals(value.placeholderKind());
  }

  /** It is a template left as it was ({@code <...>}, {@code YOUR_...}, {@code ${VAR}}, double braces, {@code %(VAR)s}). */
  public boolean templateLeft() {
    return "template".equals(value.placeholderKind());
  }

  /** It is the text {@code undefined}, {@code null} or {@code None}: a tool wrote a missing value as text. */
  public boolean missingWrittenAsText() {
    return "literal-undefined".equals(value.placeholderKind());
  }

  /** It is a dummy value ({@code test}, {@code xxx}, {@code dummy}, {@code fake}...). */
  public boolean dummy() {
    return "dummy".equals(value.placeholderKind());
  }

  /** A placeholder of another kind than the four above (its {@code placeholderKind} names it, or is unknown). */
  public boolean otherPlaceholder() {
    return value.placeholder() && !awsExample() && !templateLeft() && !missingWrittenAsText() && !dummy();
  }

  /** The value, trimmed and unquoted, is shorter than {@code length} characters. */
  public boolean shorterThan(long length) {
    return value.trimmedLength() < length;
  }

  /** The value, trimmed and unquoted, is not {@code length} characters long. */
  public boolean lengthOtherThan(int length) {
    return value.trimmedLength() != length;
  }

  /** The value is made of the characters {@code charset} names ({@code base32-upper}, {@code alnum-upper}, {@code base64}, {@code other}). */
  public boolean charsetIs(String charset) {
    return charset.equals(value.charset());
  }

  /** The value is not made of A-Z and 2-7 only, the alphabet of access key ids. */
  public boolean outsideKeyIdAlphabet() {
    return !charsetIs("base32-upper");
  }

  /** The value holds characters beyond letters, digits, '/', '+' and '=' (punctuation, non-ASCII look-alikes), or its characters are unknown. */
  public boolean unusualCharacters() {
    return !charsetIs("base32-upper") && !charsetIs("base64") && !charsetIs("alnum-upper");
  }

  /** The value starts with four characters other than {@code AKIA} and {@code ASIA}, the prefixes of access key ids. */
  public boolean prefixOtherThanAccessKey() {
    return value.prefix() != null && !"AKIA".equals(value.prefix()) && !"ASIA".equals(value.prefix());
  }
}
