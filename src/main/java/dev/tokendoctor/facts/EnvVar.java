package dev.tokendoctor.facts;

/**
 * One environment variable that matters to AWS clients: every {@code AWS_*} variable, plus the few others
 * that change where credentials come from ({@code HOME}, {@code SUDO_USER}, {@code AWSUME_EXPIRATION}...).
 * Variables that are not set are absent.
 *
 * @param name the variable's name, e.g. {@code AWS_SESSION_TOKEN}
 * @param value its descriptor; secrets keep only their shape and fingerprint
 */
public record EnvVar(String name, ValueDescriptor value) {

  /** Where this came from, as shown in evidence: {@code env AWS_SESSION_TOKEN}. */
  public Origin origin() {
    return Origin.env(name);
  }

  /**
   * The credential variable this name is a near miss of ({@code AWS_SECERT_ACCESS_KEY} →
   * {@code AWS_SECRET_ACCESS_KEY}, {@code aws_session_token} → {@code AWS_SESSION_TOKEN}), which clients
   * ignore; {@code null} for a real name or an unrelated one.
   */
  public String misspellingOf() {
    return CredentialNames.meantVariable(name);
  }

  /** The value as it is safe to show ({@code ValueDescriptor.shown}); {@code null} for a secret or an unknown value. */
  public String shown() {
    return value == null ? null : value.shown();
  }

  /**
   * The credential provider this variable points the chain at, before or instead of any profile:
   * {@code web-identity} ({@code AWS_WEB_IDENTITY_TOKEN_FILE}, {@code AWS_ROLE_ARN}, {@code AWS_ROLE_SESSION_NAME}),
   * {@code container} ({@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}, {@code _FULL_URI},
   * {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}) or {@code boto-config} ({@code BOTO_CONFIG}); {@code null} for others.
   */
  public String steersChainTo() {
    return switch (name) {
      case "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_ROLE_ARN", "AWS_ROLE_SESSION_NAME" -> "web-identity";
      case "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_AUTHORIZATION_TOKEN" -> "container";
      case "BOTO_CONFIG" -> "boto-config";
      default -> null;
    };
  }
}
