package dev.tokendoctor.facts;

/**
 * A row of {@code rules/tables/empty-token-clients.csv}: how a client treats a session token that is present but
 * empty ({@code aws_session_token =}, {@code AWS_SESSION_TOKEN=}). Clients that ignore it are not hurt by one
 * (EMPTY_SESSION_TOKEN is then only a smell); the others send it, and AWS refuses the request.
 *
 * @param client the client as a ticket names it ({@code aws-cli}, {@code boto3}, {@code serverless}...)
 * @param ignoresEmptyToken it treats an empty token as no token
 * @param source where that behaviour is documented or was reported
 */
public record EmptyTokenClient(String client, boolean ignoresEmptyToken, String source) {}
