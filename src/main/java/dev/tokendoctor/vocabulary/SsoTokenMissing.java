package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The SSO cache holds no token for the selected profile's {@link SsoLogin}, and the sso-cache collector ran, so the
 * absence is real (never signed in on this machine, or the cache was cleared).
 *
 * @param where the cache folder ({@code ~/.aws/sso/cache})
 */
public record SsoTokenMissing(Origin where) {}
