package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import java.time.Duration;
import java.time.Instant;

/**
 * The cached SSO access token of the selected profile's {@link SsoLogin} is past its {@code expiresAt} (by
 * {@link Now}).
 *
 * @param origin where the expiry is written ({@code ~/.aws/sso/cache/<sha1>.json expiresAt})
 * @param expiresAt when the token expired
 * @param since how long before now it expired
 * @param hasRefreshToken the cache holds a refresh token beside it
 * @param registrationExpiresAt when the client registration used to refresh it expires; {@code null} when unknown
 * @param registrationExpired that registration is past too, so the token cannot be refreshed
 */
public record SsoTokenExpired(
    Origin origin, Instant expiresAt, Duration since, boolean hasRefreshToken, Instant registrationExpiresAt,
    boolean registrationExpired) {}
