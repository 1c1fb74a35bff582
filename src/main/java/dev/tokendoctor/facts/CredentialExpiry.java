package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * An expiry time some tool wrote down for a set of credentials or a token.
 *
 * @param origin where it was read ({@code env AWS_CREDENTIAL_EXPIRATION},
 *     {@code ~/.aws/credentials:15 [dev] x_security_token_expires}, {@code ~/.aws/cli/cache/ab12.json Expiration})
 * @param field the field or variable name
 * @param appliesTo what it is the expiry of: {@code environment}, a profile name, or a cache file
 * @param forEffectiveCredentials it belongs to the credentials the failing client sends
 * @param expiresAt the expiry, normalised to UTC
 * @param raw the text as written (dates are not secret), to show how it was read
 */
public record CredentialExpiry(
    Origin origin, String field, String appliesTo, boolean forEffectiveCredentials, Instant expiresAt, String raw) {}
