package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A section header written the way the other shared file wants it, so no client reads it as the profile it was
 * meant to be: {@code [profile dev]} in the credentials file (which takes bare names), or a bare {@code [ops]} in
 * the config file (which wants {@code [profile ops]}; {@code [default]}, {@code [sso-session ...]},
 * {@code [services ...]} and the AWS CLI's own {@code [plugins]} and {@code [preview]} are right as they are).
 *
 * @param file {@code credentials} or {@code config}
 * @param path the file's path as shown to people
 * @param line the header's line
 * @param header the text between the brackets, as written ({@code profile dev}, {@code ops})
 * @param profile the profile it was meant to define ({@code dev}, {@code ops})
 * @param origin where it is written ({@code ~/.aws/config:4 [ops]})
 */
public record WrongHeader(String file, String path, int line, String header, String profile, Origin origin) {

  /** The header is in the credentials file. */
  public boolean inCredentialsFile() {
    return "credentials".equals(file);
  }

  /** The header is in the config file. */
  public boolean inConfigFile() {
    return "config".equals(file);
  }
}
