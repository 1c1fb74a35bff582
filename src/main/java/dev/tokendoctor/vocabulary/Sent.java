package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.ValueDescriptor;

/**
 * What a client sends to AWS: the credentials it resolved and uses, whichever source they came from.
 *
 * @param client the client that resolved them ({@code aws-cli}, {@code boto3}...)
 * @param keyKind {@code temporary} (ASIA), {@code long-term} (AKIA) or {@code other}
 * @param keyId the access key id's descriptor (shown masked)
 * @param keyOrigin where the key id came from ({@code env AWS_ACCESS_KEY_ID}, {@code ~/.aws/credentials:3 [dev] aws_access_key_id})
 * @param tokenPresent a non-empty session token is sent with it
 * @param tokenOrigin where the token came from; {@code null} without one
 * @param provider the credential provider that produced them ({@code environment}, {@code shared-credentials-file}...)
 * @param profile the profile they came from; {@code null} when none
 * @param fromEnvironment they came from environment variables
 */
public record Sent(
    String client, String keyKind, ValueDescriptor keyId, Origin keyOrigin, boolean tokenPresent, Origin tokenOrigin,
    String provider, String profile, boolean fromEnvironment) {

  public boolean temporary() {
    return "temporary".equals(keyKind);
  }

  /** The client's credential chain, as shown in evidence: {@code java-sdk-v2 credential chain}. */
  public Origin chain() {
    return Origin.credentialChain(client);
  }

  /** Where the key id came from, or the client's credential chain when that is not known. */
  public Origin where() {
    return keyOrigin != null ? keyOrigin : chain();
  }

  /**
   * The keys were handed to the process (environment variables or Java system properties), not read from a
   * profile: a profile's settings do not apply.
   */
  public boolean fromProcess() {
    return fromEnvironment || "system-properties".equals(provider);
  }

  /** The key id and the token were read from one place: the environment, one profile section, or one cache file. */
  public boolean keyAndTokenTogether() {
    return keyOrigin != null && tokenOrigin != null && Places.sourceOf(keyOrigin).equals(Places.sourceOf(tokenOrigin));
  }

  /** The key id and the token were read from different places (both known). */
  public boolean keyAndTokenApart() {
    return keyOrigin != null && tokenOrigin != null && !keyAndTokenTogether();
  }

  /** The key id was read from an environment variable. */
  public boolean keyFromEnvironment() {
    return keyOrigin != null && keyOrigin.fromEnvironment();
  }

  /** The token was read from an environment variable. */
  public boolean tokenFromEnvironment() {
    return tokenOrigin != null && tokenOrigin.fromEnvironment();
  }
}
