package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import java.time.Duration;
import java.time.Instant;

/**
 * The cached SSO access token of the selected profile's {@link SsoLogin} is still valid (by {@link Now}).
 *
 * @param origin where the expiry is written ({@code ~/.aws/sso/cache/<sha1>.json expiresAt})
 * @param expiresAt when the token expires
 * @param left how long it still has
 */
public record SsoTokenValid(Origin origin, Instant expiresAt, Duration left) {}
