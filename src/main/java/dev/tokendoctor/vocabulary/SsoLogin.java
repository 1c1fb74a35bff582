package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The selected profile signs in through IAM Identity Center: an {@code sso_session} line (or, in the legacy form,
 * an {@code sso_start_url} line without one) in its section of the config file.
 *
 * @param profile the profile's name
 * @param selectedBy where the profile was selected ({@code env AWS_PROFILE}, {@code default})
 * @param viaSession {@code true} for an {@code sso_session} line, {@code false} for a legacy {@code sso_start_url}
 * @param ref the session's name, or the start URL of a legacy profile
 * @param origin the line that says so ({@code ~/.aws/config:2 [dev-sso] sso_session})
 */
public record SsoLogin(String profile, String selectedBy, boolean viaSession, String ref, Origin origin) {

  /**
   * {@code aws sso login} wrote the token with these fields for this login: a session's token names the session; a
   * legacy profile's token names no session and the same start URL.
   */
  public boolean wroteToken(String sessionName, String startUrl) {
    return viaSession ? ref.equals(sessionName) : sessionName == null && ref.equals(startUrl);
  }
}
