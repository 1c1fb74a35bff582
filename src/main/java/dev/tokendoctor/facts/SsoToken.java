package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * One IAM Identity Center token in {@code ~/.aws/sso/cache}. Client-registration files (no access token)
 * are not tokens and are not reported here.
 *
 * @param cacheFile the file, as shown to people
 * @param sessionName the {@code sso-session} whose name hashes to this file, when one matches
 * @param startUrl the start URL the token is for
 * @param region the Identity Center region
 * @param expiresAt the access token's {@code expiresAt}
 * @param hasRefreshToken a refresh token is present (the CLI can renew the access token silently)
 * @param registrationExpiresAt when the client registration expires (after that, no refresh)
 */
public record SsoToken(
    String cacheFile,
    String sessionName,
    String startUrl,
    String region,
    Instant expiresAt,
    boolean hasRefreshToken,
    Instant registrationExpiresAt) {

  public Origin origin() {
    return Origin.cache(cacheFile, "expiresAt");
  }
}
