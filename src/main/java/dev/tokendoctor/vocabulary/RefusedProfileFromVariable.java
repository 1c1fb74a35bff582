package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The failing client took its profile from {@code AWS_PROFILE} or {@code AWS_DEFAULT_PROFILE}, AWS refused the
 * keys of that profile (the primary probe failed), and another client on this machine resolves another profile.
 *
 * @param profile the failing client's profile
 * @param selectionOrigin the variable that chose it ({@code env AWS_DEFAULT_PROFILE})
 */
public record RefusedProfileFromVariable(String profile, Origin selectionOrigin) {}
