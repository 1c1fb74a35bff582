package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The credentials were made by {@code aws-vault exec PROFILE} (it sets {@code AWS_VAULT}); its default is a
 * GetSessionToken session of the profile's user.
 *
 * @param profile the aws-vault profile
 * @param origin where it was seen ({@code env AWS_VAULT})
 */
public record AwsVaultSession(String profile, Origin origin) {

  /** The profile's section of the config file, as people look it up: {@code ~/.aws/config [platform]}. */
  public String configSection() {
    return "~/.aws/config [" + profile + "]";
  }
}
