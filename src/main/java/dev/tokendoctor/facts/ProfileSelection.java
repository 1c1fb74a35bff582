package dev.tokendoctor.facts;

import java.util.List;

/**
 * Which profile the failing client uses, and why.
 *
 * @param name the selected profile name
 * @param source why: {@code --profile}, {@code env AWS_PROFILE}, {@code env AWS_DEFAULT_PROFILE},
 *     {@code default}
 * @param inCredentialsFile the credentials file defines it; {@code null} when that file was not read
 * @param inConfigFile the config file defines it; {@code null} when that file was not read
 * @param similarNames profile names that exist and look like the selected one (case, spacing, a prefix)
 */
public record ProfileSelection(
    String name, String source, Boolean inCredentialsFile, Boolean inConfigFile, List<String> similarNames) {

  public ProfileSelection {
    similarNames = similarNames == null ? List.of() : List.copyOf(similarNames);
  }

  /** Both files were read and neither defines the profile. */
  public boolean missingEverywhere() {
    return Boolean.FALSE.equals(inCredentialsFile) && Boolean.FALSE.equals(inConfigFile);
  }

  /** The profile was chosen explicitly, not by falling back to {@code default}. */
  public boolean explicit() {
    return !"default".equals(source);
  }

  /** The profile was chosen by the environment variable {@code name} ({@code AWS_PROFILE}, {@code AWS_DEFAULT_PROFILE}). */
  public boolean fromVariable(String name) {
    return source != null && source.equals("env " + name);
  }

  /** The profile was chosen by {@code AWS_PROFILE} or {@code AWS_DEFAULT_PROFILE}. */
  public boolean fromProfileVariable() {
    return fromVariable("AWS_PROFILE") || fromVariable("AWS_DEFAULT_PROFILE");
  }

  /** What chose the profile, in words: {@code AWS_PROFILE}, {@code --profile}, {@code default}. */
  public String selectedBy() {
    return source == null ? null : source.startsWith("env ") ? source.substring(4) : source;
  }
}
