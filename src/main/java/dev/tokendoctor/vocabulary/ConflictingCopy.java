package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * Another copy on the machine pairs the temporary key or the session token the client sends with a different
 * partner: one of the two pairs mixes issuances.
 *
 * @param kind {@code key} (a profile holds the same key id with another token), {@code token} (a profile holds the
 *     same token with another key id) or {@code env} (the environment holds the same key id with another token)
 * @param origin the line or variable of the differing partner
 * @param profile the profile that holds the copy; {@code null} for the environment
 * @param otherKeyId the other key id, for {@code kind == "token"}; else {@code null}
 */
public record ConflictingCopy(String kind, Origin origin, String profile, ValueDescriptor otherKeyId) {}
