package dev.tokendoctor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Near misses of a credential's name, in the environment and in the shared files; and names that are not. */
class CredentialNamesTest {
  @ParameterizedTest(name = "env {0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "AWS_SECERT_ACCESS_KEY, AWS_SECRET_ACCESS_KEY",
      "AWS_SECRET_ACESS_KEY, AWS_SECRET_ACCESS_KEY",
      "aws_secret_access_key, AWS_SECRET_ACCESS_KEY",
      "AWS_SECRET_KEY, AWS_SECRET_ACCESS_KEY",
      "AWS_ACCESS_KEY, AWS_ACCESS_KEY_ID",
      "AWS_ACCESSKEY_ID, AWS_ACCESS_KEY_ID",
      "AWS_SESSION_TOKE, AWS_SESSION_TOKEN",
      "AWS_SESION_TOKEN, AWS_SESSION_TOKEN",
      "AWS_SECRET_ACCESS_KEY, none",
      "AWS_ACCESS_KEY_ID, none",
      "AWS_SESSION_TOKEN, none",
      "AWS_SECURITY_TOKEN, none",
      "AWS_REGION, none",
      "AWS_ACCOUNT_ID, none",
      "AWS_SESSION_EXPIRATION, none",
      "AWS_CONTAINER_AUTHORIZATION_TOKEN, none",
      "AMAZON_SESSION_TOKEN, none",
      "AWS_PROFILE, none"})
  void environmentVariables(String name, String meant) {
    assertThat(CredentialNames.meantVariable(name)).isEqualTo(meant);
  }

  @ParameterizedTest(name = "key {0} -> {1}")
  @CsvSource(nullValues = "none", value = {
      "aws_secert_access_key, aws_secret_access_key",
      "aws_session_toke, aws_session_token",
      "aws-secret-access-key, aws_secret_access_key",
      "secret_access_key, aws_secret_access_key",
      "aws_acess_key_id, aws_access_key_id",
      "aws_secret_key, aws_secret_access_key",
      "aws_secret_access_key, none",
      "AWS_SECRET_ACCESS_KEY, none",
      "aws_security_token, none",
      "region, none",
      "aws_account_id, none",
      "sso_account_id, none",
      "x_security_token_expires, none",
      "aws_session_expiration, none",
      "credential_process, none"})
  void sharedFileKeys(String key, String meant) {
    assertThat(CredentialNames.meantKey(key)).isEqualTo(meant);
  }
}
