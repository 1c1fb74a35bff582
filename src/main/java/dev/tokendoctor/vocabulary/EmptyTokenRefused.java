package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A client that does not ignore an empty session token was refused, while the credentials carry an empty token
 * beside a long-term key that AWS accepts without it: the ticket names the client and its
 * {@code InvalidClientTokenId} (or {@code UnrecognizedClientException}), the client is not one
 * {@code rules/tables/empty-token-clients.csv} lists as ignoring an empty token, and tokendoctor's own primary
 * probe (which ignores it) was accepted.
 *
 * @param tokenOrigin where the empty token is ({@code ~/.aws/credentials:4 [default] aws_session_token})
 * @param client the client the ticket names ({@code serverless})
 * @param clientVersion its version; {@code null} when not known
 * @param errorCode the error it got
 * @param where where that was said ({@code ticket})
 */
public record EmptyTokenRefused(Origin tokenOrigin, String client, String clientVersion, String errorCode, Origin where) {}
