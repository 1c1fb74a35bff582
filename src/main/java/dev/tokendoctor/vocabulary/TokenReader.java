package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A client that found credentials, and where it reads its session token (clients disagree on
 * {@code AWS_SECURITY_TOKEN}).
 *
 * @param client the client ({@code botocore}, {@code java-sdk-v2})
 * @param origin where it reads the token ({@code env AWS_SECURITY_TOKEN})
 * @param fromEnvironment that is an environment variable
 */
public record TokenReader(String client, Origin origin, boolean fromEnvironment) {}
