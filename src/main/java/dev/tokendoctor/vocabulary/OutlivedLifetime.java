package dev.tokendoctor.vocabulary;

import java.time.Duration;
import java.time.Instant;

/**
 * Cached credentials of the key the client sends, with no expiry written down, are older than the longest lifetime
 * AWS allows for their kind ({@code rules/tables/credential-lifetimes.csv}): they are certainly expired.
 *
 * @param cacheFile the cache file
 * @param kind the kind of credentials ({@code assume-role}, {@code sso})
 * @param writtenAt when the file was written
 * @param age how long ago that was
 * @param maxLifetime the longest lifetime of that kind
 * @param source the page that documents the lifetime
 */
public record OutlivedLifetime(String cacheFile, String kind, Instant writtenAt, Duration age, Duration maxLifetime, String source) {}
