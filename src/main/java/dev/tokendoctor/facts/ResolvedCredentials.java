package dev.tokendoctor.facts;

/**
 * The credentials one client would sign with, after walking its provider chain.
 *
 * @param client whose chain: {@code java-sdk-v2}, {@code botocore} or {@code cli-v2}
 * @param effective these are the credentials the tool's own STS probes used (the failing client's view when
 *     the ticket names it)
 * @param found the chain produced credentials; when {@code false}, {@code error} says why
 * @param provider which provider won: {@code environment}, {@code system-properties}, {@code web-identity},
 *     {@code profile-static}, {@code profile-session}, {@code profile-sso}, {@code profile-assume-role},
 *     {@code profile-process}, {@code login}, {@code container}, {@code imds}
 * @param profile the profile that provided them, when a profile did
 * @param reason why this provider won, in plain words
 * @param keyIdOrigin where the key id came from ({@code env AWS_ACCESS_KEY_ID}, {@code file:line [p] key})
 * @param keyId the access key id's descriptor
 * @param secretOrigin where the secret came from
 * @param secret the secret's descriptor
 * @param tokenOrigin where the session token came from; {@code null} when none was found
 * @param token the session token's descriptor; {@code null} when there is none
 * @param error why the chain failed, when it did
 */
public record ResolvedCredentials(
    String client,
    boolean effective,
    boolean found,
    String provider,
    String profile,
    String reason,
    Origin keyIdOrigin,
    ValueDescriptor keyId,
    Origin secretOrigin,
    ValueDescriptor secret,
    Origin tokenOrigin,
    ValueDescriptor token,
    String error) {

  /** A session token is sent with the key (present and not empty). */
  public boolean hasToken() {
    return token != null && token.present() && !token.empty();
  }

  /** The key id has the temporary-credential prefix {@code ASIA}. */
  public boolean temporaryKey() {
    return keyId != null && "ASIA".equals(keyId.prefix());
  }

  /** The key id has the long-term prefix {@code AKIA}. */
  public boolean longTermKey() {
    return keyId != null && "AKIA".equals(keyId.prefix());
  }

  /** The credentials came from environment variables. */
  public boolean fromEnvironment() {
    return "environment".equals(provider);
  }

  /**
   * The client in words: {@code the AWS SDK for Java v2}, {@code botocore (boto3, AWS CLI v1)}, {@code the AWS CLI v2};
   * {@code the client} when the bundle does not say which.
   */
  public String clientName() {
    return client == null ? "the client" : StsProbe.clientName(client);
  }

  /**
   * The profile a command names to change these credentials: the providing profile, {@code null} when they come
   * from the environment (a command changes the variables there) or from no profile.
   */
  public String commandProfile() {
    return fromEnvironment() ? null : profile;
  }

  /** The secret, trimmed and unquoted, does not have the 40 characters of an AWS secret access key. */
  public boolean secretLengthWrong() {
    return secret != null && secret.trimmedLength() != SECRET_LENGTH;
  }

  /** The length of every AWS secret access key. */
  public static final int SECRET_LENGTH = 40;

  /** Where evidence about this client's provider chain is shown: {@code cli-v2 credential chain}. */
  public Origin chainOrigin() {
    return Origin.credentialChain(client);
  }

  /** The secret's length when it is not the 40 characters of an AWS secret access key; {@code null} otherwise. */
  public Integer unusualSecretLength() {
    return secret != null && secret.length() != 40 ? secret.length() : null;
  }

  /** The key id's length when it is not the 20 characters of an access key id; {@code null} otherwise. */
  public Integer unusualKeyIdLength() {
    return keyId != null && keyId.length() != 20 ? keyId.length() : null;
  }

  /** The key id, the secret or the session token this client sends came from {@code origin}. */
  public boolean sendsFrom(Origin origin) {
    return origin != null && (origin.equals(keyIdOrigin) || origin.equals(secretOrigin) || origin.equals(tokenOrigin));
  }
}
