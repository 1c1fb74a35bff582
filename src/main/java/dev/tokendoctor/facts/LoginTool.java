package dev.tokendoctor.facts;

/**
 * A login tool that writes temporary credentials with an expiry line into the shared files, one row of
 * {@code rules/tables/login-tools.csv}: which tool to run again when that line says the credentials expired.
 *
 * @param expiryField the line the tool writes ({@code x_security_token_expires})
 * @param writtenBy the tools that write it, in plain words ({@code saml2aws, gimme-aws-creds or okta-aws-cli})
 * @param loginCommand the command that logs in again, with {@code {profile}} where the profile's name goes
 */
public record LoginTool(String expiryField, String writtenBy, String loginCommand) {

  /** The login command for {@code profile} ({@code <profile>} when it is not known). */
  public String commandFor(String profile) {
    return loginCommand.replace("{profile}", profile == null ? "<profile>" : profile);
  }
}
