package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The selected profile is written in a file only under a {@link WrongHeader}, so no client finds it there: its
 * keys under {@code [profile dev]} in the credentials file (which does not define {@code [dev]} otherwise), or its
 * settings under a bare {@code [ops]} in the config file (and no file defines the profile otherwise). The first such
 * header of the file.
 *
 * @param file {@code credentials} or {@code config}
 * @param path the file's path as shown to people
 * @param line the header's line
 * @param header the text between the brackets, as written
 * @param profile the selected profile's name
 * @param origin where the header is written ({@code ~/.aws/credentials:1 [profile dev]})
 */
public record HiddenProfile(String file, String path, int line, String header, String profile, Origin origin) {

  /** The header is in the credentials file. */
  public boolean inCredentialsFile() {
    return "credentials".equals(file);
  }

  /** The header is in the config file. */
  public boolean inConfigFile() {
    return "config".equals(file);
  }
}
