package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A profile is expected to give the credentials: it was selected on purpose ({@code --profile},
 * {@code AWS_PROFILE}), or the selected profile is defined in the shared files.
 *
 * @param name the profile's name
 * @param where why it is selected, as shown in evidence ({@code env AWS_PROFILE}, {@code --profile}, {@code default})
 */
public record ExpectedProfile(String name, Origin where) {}
