package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * Something says the temporary credentials the client sends were minted at the global STS endpoint
 * (sts.amazonaws.com), whose version-1 tokens opt-in regions refuse.
 *
 * @param where where it is seen ({@code env AWS_STS_REGIONAL_ENDPOINTS}, {@code ~/.aws/config:6 [profile dev] sts_regional_endpoints})
 * @param kind {@code legacy-variable} ({@code AWS_STS_REGIONAL_ENDPOINTS=legacy}), {@code legacy-profile}
 *     ({@code sts_regional_endpoints = legacy} in the profile the credentials come from, any profile for
 *     credentials from the environment), {@code login-tool} (an expiry line that saml2aws, gimme-aws-creds,
 *     okta-aws-cli or aws-azure-login write) or {@code aws-vault} ({@code AWS_VAULT} is set)
 * @param name the profile ({@code legacy-profile}) or the expiry field ({@code login-tool}); else {@code null}
 */
public record GlobalEndpointMark(Origin where, String kind, String name) {

  public boolean legacyVariable() {
    return "legacy-variable".equals(kind);
  }

  public boolean legacyProfile() {
    return "legacy-profile".equals(kind);
  }

  public boolean loginTool() {
    return "login-tool".equals(kind);
  }

  public boolean awsVault() {
    return "aws-vault".equals(kind);
  }
}
