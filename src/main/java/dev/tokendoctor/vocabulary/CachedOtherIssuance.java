package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.ValueDescriptor;
import java.time.Duration;
import java.time.Instant;

/**
 * The CLI cache holds credentials for the selected profile with another key id than the one a client resolving the
 * profile gets now: an older issuance, which a long-running client may still hold.
 *
 * @param cacheFile the cache file
 * @param kind the kind of credentials ({@code assume-role}, {@code sso})
 * @param keyId the cached key id's descriptor (shown masked)
 * @param profile the profile they were cached for
 * @param expiresAt their expiration; {@code null} when none is written
 * @param expired that expiration is past (by {@link Now})
 * @param since how long before now they expired; {@code null} unless expired
 */
public record CachedOtherIssuance(
    String cacheFile, String kind, ValueDescriptor keyId, String profile, Instant expiresAt, boolean expired, Duration since) {}
