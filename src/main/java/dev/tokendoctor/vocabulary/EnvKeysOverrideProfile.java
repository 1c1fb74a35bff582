package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * Access keys in the environment are sent although a profile was selected on purpose ({@code AWS_PROFILE},
 * {@code AWS_DEFAULT_PROFILE}, {@code --profile}), or the default profile holds keys of its own; and that profile
 * holds no key with the environment key's fingerprint. The environment provider comes before every profile in
 * the credential chains, so the profile's credentials are not used.
 *
 * @param client the failing client, which sends the environment keys
 * @param keyId the environment key id's descriptor
 * @param keyOrigin where it is set ({@code env AWS_ACCESS_KEY_ID})
 * @param profile the selected profile
 * @param selectionOrigin what selected it ({@code env AWS_PROFILE}, {@code --profile}, {@code default})
 * @param explicit the profile was selected on purpose, not the default one
 * @param selectedBy what selected it, in words ({@code AWS_PROFILE}, {@code --profile})
 */
public record EnvKeysOverrideProfile(
    String client, ValueDescriptor keyId, Origin keyOrigin, String profile, Origin selectionOrigin, boolean explicit,
    String selectedBy) {}
