package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * The session token the client sends with its key (present, possibly empty), and where it comes from.
 *
 * @param origin where the token was read ({@code env AWS_SESSION_TOKEN}, {@code ~/.aws/credentials:4 [default]
 *     aws_session_token}); the credential provider ({@code environment}) when no line is known
 * @param token the token's descriptor (never its value)
 * @param profile the profile the credentials came from; {@code null} when none
 */
public record SentToken(Origin origin, ValueDescriptor token, String profile) {

  /** The token is empty: the empty string or only whitespace (`empty` is a word of DRL). */
  public boolean blank() {
    return token.empty();
  }

  /** Its number of characters. */
  public int length() {
    return token.length();
  }

  /** It was read from an environment variable. */
  public boolean inEnvironment() {
    return origin != null && origin.fromEnvironment();
  }

  /** The shared file whose token line holds it ({@code ~/.aws/credentials}); {@code null} when not a token line. */
  public String file() {
    return Places.tokenLineFile(origin);
  }

  /** The number of that token line; {@code null} when not a token line. */
  public Integer line() {
    return Places.tokenLineNumber(origin);
  }

  /** It was read from an {@code aws_session_token} or {@code aws_security_token} line of a shared file. */
  public boolean onTokenLine() {
    return file() != null;
  }
}
