package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * The failing client and another client on this machine resolve credentials from different profiles (the
 * failing client's not from the environment): one fact per other client.
 *
 * @param failingProfile the profile the failing client's credentials come from
 * @param otherClient the other client ({@code cli-v2})
 * @param otherProfile the profile it uses instead
 * @param otherKeyId the key id's descriptor it sends; {@code null} when unknown
 * @param otherOrigin where the other client's outcome is shown ({@code cli-v2 credential chain})
 */
public record ProfileDisagreement(
    String failingProfile, String otherClient, String otherProfile, ValueDescriptor otherKeyId, Origin otherOrigin) {}
