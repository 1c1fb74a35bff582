package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * One cached set of credentials: {@code ~/.aws/cli/cache} (assume-role, SSO role credentials) or
 * {@code ~/.aws/login/cache}.
 *
 * @param cacheFile the file, as shown to people
 * @param kind {@code assume-role}, {@code sso} or {@code login}
 * @param keyId the cached access key id's descriptor
 * @param expiration the cached credentials' expiry
 * @param accountId the account the credentials belong to, when the cache says
 * @param profile the profile the cache entry was matched to, when it could be
 * @param modifiedAt when the file was last written
 */
public record CliCacheEntry(
    String cacheFile, String kind, ValueDescriptor keyId, Instant expiration, String accountId, String profile,
    Instant modifiedAt) {

  public Origin origin() {
    return Origin.cache(cacheFile, null);
  }
}
