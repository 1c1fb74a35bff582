package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * One credential value written down in an environment variable ({@code AWS_ACCESS_KEY_ID},
 * {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}, {@code AWS_SECURITY_TOKEN}) or on a line of the shared
 * files ({@code aws_access_key_id}...), whether or not the failing client sends it: for the smells of values other
 * tools will read, and for the commands that fix a value where it is written.
 *
 * @param setting which value, in words: {@code access key id}, {@code secret access key} or {@code session token}
 * @param origin where it is written ({@code env AWS_SESSION_TOKEN}, {@code ~/.aws/credentials:4 [dev] aws_session_token})
 * @param value its descriptor, computed from the value exactly as written
 * @param variable the environment variable that holds it; {@code null} for a line of a file
 * @param path the file that holds it, as shown to people; {@code null} for a variable
 * @param line the line of the file; 0 for a variable
 * @param section the profile (section) of the line; {@code null} for a variable
 * @param key the key of the line as written ({@code aws_session_token}); {@code null} for a variable
 */
public record WrittenValue(
    String setting, Origin origin, ValueDescriptor value, String variable, String path, int line, String section, String key) {

  /** It is written in an environment variable. */
  public boolean inEnvironment() {
    return variable != null;
  }

  /** It is an access key id. */
  public boolean keyId() {
    return "access key id".equals(setting);
  }

  /** It is a session token. */
  public boolean token() {
    return "session token".equals(setting);
  }

  /** A space or tab inside the value, a line break inside it, or an invisible character: every AWS client sends these. */
  public boolean strayInside() {
    return value.innerWhitespace() || value.invisible() || value.newline();
  }

  /**
   * The value a credential variable or key holds, in words ({@code AWS_SECURITY_TOKEN} and {@code aws_session_token}
   * are both {@code session token}); {@code null} for any other name.
   */
  public static String settingOf(String name) {
    return switch (name.toLowerCase(java.util.Locale.ROOT)) {
      case "aws_access_key_id" -> "access key id";
      case "aws_secret_access_key" -> "secret access key";
      case "aws_session_token", "aws_security_token" -> "session token";
      default -> null;
    };
  }
}
