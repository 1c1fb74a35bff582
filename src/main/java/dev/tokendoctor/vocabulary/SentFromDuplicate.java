package dev.tokendoctor.vocabulary;

/**
 * The client sends the keys of a profile that defines one of its credential keys twice with different values
 * ({@link DefinedTwice}): it picked one copy, and other clients may pick the other.
 *
 * @param profile the profile the keys come from
 * @param client the client that sends them
 */
public record SentFromDuplicate(String profile, String client) {}
