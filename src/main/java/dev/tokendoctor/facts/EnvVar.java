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
}
