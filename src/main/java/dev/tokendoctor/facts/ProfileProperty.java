package dev.tokendoctor.facts;

/**
 * One {@code key = value} line in a shared file, attributed to its file, line and section.
 *
 * @param file {@code credentials} or {@code config}
 * @param path the file's path as shown to people
 * @param line 1-based line number
 * @param sectionType {@code profile}, {@code sso-session}, {@code services} or {@code ignored}
 * @param section the section's name (the profile name for profiles)
 * @param key the property name as written, lower case ({@code aws_access_key_id})
 * @param value its descriptor, computed from the text after {@code =} exactly as written
 */
public record ProfileProperty(
    String file, String path, int line, String sectionType, String section, String key, ValueDescriptor value) {

  /** Where this came from, as shown in evidence: {@code ~/.aws/credentials:12 [dev] aws_access_key_id}. */
  public Origin origin() {
    return Origin.property(path, line, section, key);
  }

  public boolean inCredentialsFile() {
    return "credentials".equals(file);
  }

  public boolean inConfigFile() {
    return "config".equals(file);
  }

  /**
   * The credential setting this key is a near miss of ({@code aws_secert_access_key} →
   * {@code aws_secret_access_key}, {@code aws_session_toke} → {@code aws_session_token}), which clients
   * ignore; {@code null} for a real name or an unrelated one.
   */
  public String misspellingOf() {
    return CredentialNames.meantKey(key);
  }

  /** The property belongs to a profile section (not an sso-session or services section). */
  public boolean inProfile() {
    return "profile".equals(sectionType);
  }

  /** One of the three properties that carry credential material. */
  public boolean credentialKey() {
    return switch (key) {
      case "aws_access_key_id", "aws_secret_access_key", "aws_session_token", "aws_security_token" -> true;
      default -> false;
    };
  }

  /**
   * The property names a credential provider other than static keys: {@code credential_process}, {@code role_arn},
   * {@code sso_session}, {@code sso_start_url} or {@code web_identity_token_file}.
   */
  public boolean namesProvider() {
    return switch (key) {
      case "credential_process", "role_arn", "sso_session", "sso_start_url", "web_identity_token_file" -> true;
      default -> false;
    };
  }

  /**
   * The value as evidence may show it: its shown form, except a {@code credential_process} command line (its
   * arguments may carry what a report should not); {@code null} when nothing may be shown.
   */
  public String shownValue() {
    return value == null || "credential_process".equals(key) ? null : value.shown();
  }

  /** The value's label ({@code ASIA…R4HX}) when its descriptor may show it; {@code null} otherwise (a secret). */
  public String shownLabel() {
    return value == null || value.shown() == null ? null : value.label();
  }
}
