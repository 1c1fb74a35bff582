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
    String keyIdOrigin,
    ValueDescriptor keyId,
    String secretOrigin,
    ValueDescriptor secret,
    String tokenOrigin,
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

  /** Where this chain's outcome is shown in evidence: {@code cli-v2 credential chain}. */
  public String chainOrigin() {
    return client + " credential chain";
  }
}
