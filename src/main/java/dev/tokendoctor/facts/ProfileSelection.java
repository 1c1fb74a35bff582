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
    String name, Origin source, Boolean inCredentialsFile, Boolean inConfigFile, List<String> similarNames) {

  public ProfileSelection {
    similarNames = similarNames == null ? List.of() : List.copyOf(similarNames);
  }

  /** Both files were read and neither defines the profile. */
  public boolean missingEverywhere() {
    return Boolean.FALSE.equals(inCredentialsFile) && Boolean.FALSE.equals(inConfigFile);
  }

  /** The profile was chosen explicitly, not by falling back to {@code default}. */
  public boolean explicit() {
    return source.kind() != Origin.Kind.DEFAULT;
  }

  /** The environment variable {@code variable} ({@code AWS_PROFILE}) selected the profile. */
  public boolean fromVariable(String variable) {
    return source != null && source.isVariable(variable);
  }

  /** An environment variable selected the profile. */
  public boolean fromEnvironment() {
    return source != null && source.fromEnvironment();
  }

  /** The variable that selected the profile ({@code AWS_PROFILE}), or {@code null} when none did. */
  public String variable() {
    return source == null ? null : source.variable();
  }

  /** Why this profile, as shown in evidence: its {@code source}, or {@code no profile selected} for the default. */
  public Origin where() {
    return explicit() ? source : Origin.other("no profile selected");
  }

  /** The profile's name when it was chosen explicitly (a command then needs {@code --profile}); else {@code null}. */
  public String explicitName() {
    return explicit() ? name : null;
  }

  /** An environment variable selects the profile. */
  public boolean selectedByVariable() {
    return variable() != null;
  }

  /** The similar names as a list for a sentence ({@code staging, Staging2}); {@code null} when there are none. */
  public String similarNamesListed() {
    return similarNames.isEmpty() ? null : String.join(", ", similarNames);
  }

  /** The defined profile name most like the selected one; {@code null} when none looks like it. */
  public String closestName() {
    return similarNames.isEmpty() ? null : similarNames.get(0);
  }

  /** The profile's section of the config file, as people look it up: {@code ~/.aws/config [dev]}. */
  public String configSection() {
    return "~/.aws/config [" + name + "]";
  }

  /** The profile was chosen by {@code AWS_PROFILE} or {@code AWS_DEFAULT_PROFILE}. */
  public boolean fromProfileVariable() {
    return fromVariable("AWS_PROFILE") || fromVariable("AWS_DEFAULT_PROFILE");
  }

  /** What chose the profile, in words: {@code AWS_PROFILE}, {@code --profile}, {@code default}. */
  public String selectedBy() {
    return source == null ? null : source.fromEnvironment() ? source.variable() : source.toString();
  }
}
