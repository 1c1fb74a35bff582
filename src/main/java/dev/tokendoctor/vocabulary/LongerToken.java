package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * Another place holds a longer session token for the access key id the client sends: the token sent is likely a
 * shortened copy of it. Another variable, when the key comes from the environment; another token line of the
 * profile that holds the same key id (same fingerprint), in the shared files.
 *
 * @param origin where the longer token is written
 * @param length its length (trimmed, unquoted)
 * @param inEnvironment it is an environment variable (else a line of the shared files)
 */
public record LongerToken(Origin origin, int length, boolean inEnvironment) {}
