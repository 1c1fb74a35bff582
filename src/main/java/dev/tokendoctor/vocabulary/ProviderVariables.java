package dev.tokendoctor.vocabulary;

import java.util.List;

/**
 * Environment variables are set that point the credential chain at a provider no profile names (web identity,
 * container credentials, {@code ~/.boto}); see {@code EnvVar.steersChainTo}.
 *
 * @param names their names, sorted
 */
public record ProviderVariables(List<String> names) {

  public ProviderVariables {
    names = names.stream().sorted().distinct().toList();
  }

  /** The names separated by spaces, as a shell command takes them: {@code AWS_ROLE_ARN AWS_WEB_IDENTITY_TOKEN_FILE}. */
  public String spaced() {
    return String.join(" ", names);
  }
}
