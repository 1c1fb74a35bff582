package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
import java.time.Duration;
import java.time.Instant;

/**
 * An expiry written down for the credentials the client sends is past (by {@link Now}).
 *
 * @param origin where the expiry is written ({@code env AWS_CREDENTIAL_EXPIRATION}, {@code ~/.aws/credentials:7 [dev] x_security_token_expires})
 * @param field the setting or field that holds it ({@code x_security_token_expires}, {@code Expiration})
 * @param raw the value as written, when it differs from the parsed instant; else {@code null}
 * @param expiresAt when the credentials expired
 * @param since how long before now they expired
 * @param place {@code env} (an environment variable), {@code cache} (a CLI or SSO cache file) or {@code profile} (a
 *     line of the shared files)
 * @param cacheFile the cache file that holds it, for {@code place == "cache"}; else {@code null}
 */
public record Expired(Origin origin, String field, String raw, Instant expiresAt, Duration since, String place, String cacheFile) {}
