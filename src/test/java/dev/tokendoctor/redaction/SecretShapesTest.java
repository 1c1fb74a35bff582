package dev.tokendoctor.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.redaction.SecretShapes.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SecretShapesTest {
  static final String SECRET = "PtYgjmUhBel31iEl2hpChYgCfrL1spNxnyVmihA+";
  static final String TOKEN = "IQoJb3JpZ2luX2VjEHsaCXVzLWVhc3QtMSJHMEUCIQDtestTOKENvalue0123456789abcdefghij"
      + "klmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";

  @ParameterizedTest(name = "{0} is {1}")
  @CsvSource(nullValues = "none", value = {
      "AKIA4GOODKEY7QX2ZK5N, ACCESS_KEY_ID",
      "ASIAIOSFODNN7EXAMPLE, ACCESS_KEY_ID",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY, SECRET_KEY",
      "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, SECRET_KEY",
      "IQoJb3JpZ2luX2VjEHsaCXVzLWVhc3Qt, SESSION_TOKEN",
      "FwoGZXIvYXdzEBYaDHhBTUZOIDEXAMPLE, SESSION_TOKEN",
      "FQoDYXdzEPT//////////wEXAMPLEtMSJHMEUCIDoKK3JH9uGQE1z0sINr5M4jk+Na8KHDcCYRVjJCZEvOAiEA3OvJGtw1EcViOleS2vhs8VdCKFJQWPQrmGdeehM4IC1NtBmUpp2wUE8phUZampKsburEDy0KPkyQDYwT7WZ0wq5VSXDvp75YU9HFvlRd8Tx6q6fE8YQcHNVXAkiY9q6d+xo0rKwT38xVqr7ZD0u0iPPkUL64lIZbqBAz+scqKmlzm8FDrypNC9Yjc8fPOLn9FX9KSYvKTr4rvx3iSIlTJabIQwj2ICCR/oLxBA==, SESSION_TOKEN",
      "eyJraWQiOiJrZXkiLCJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ1c2VyIn0.c2lnbmF0dXJl, JWT",
      "k3J9sPq2Lm8Xv4Rt7Wn1Yb6Zc5Hd0Fg3Ke2Uj, RANDOM",
      "us-east-1, none",
      "arn:aws:iam::111122223333:role/deploy, none",
      "AdministratorAccess-111122223333, none",
      "0a1b2c3d4e5f60718293a4b5c6d7e8f901234567, none",
      "/home/Runner/build/myRepo/myRepo/bin/tool, none",
      "AIDACKCEVSQ6C2EXAMPLE, none",
      "https://sso.example.com/start, none",
      "2026-01-01T00:00:00Z, none",
      "dev, none",
      "AWSReservedSSO_AdministratorAccess_1a2b3c4d5e6f7a8b, none"})
  void recognisesCredentialsByShape(String value, String shape) {
    assertThat(SecretShapes.of(value)).isEqualTo(shape == null ? null : Shape.valueOf(shape));
  }

  @Test
  void urlsKeepSchemeHostPortAndPathButNotPasswordsOrQueryValues() {
    assertThat(SecretShapes.url("https://u:SECRET@proxy.example.com")).isEqualTo("https://(hidden, 8 chars)@proxy.example.com");
    assertThat(SecretShapes.url("http://admin:hunter2@10.0.0.1:8080/sts/path?X-Amz-Signature=abcdef0123&region=us-east-1#top"))
        .isEqualTo("http://(hidden, 13 chars)@10.0.0.1:8080/sts/path?X-Amz-Signature=(hidden, 10 chars)&region=(hidden, 9 chars)#top");
    String reduced = SecretShapes.url("https://sts.example.com/v1?X-Amz-Security-Token=abc&region=us-east-1");
    assertThat(SecretShapes.scrub(reduced)).as("idempotent").isEqualTo(reduced);
    List<String> removed = new ArrayList<>();
    SecretShapes.scrub("https://sts.example.com/?X-Amz-Signature=0a1b2c3d&region=us-east-1&Token=xyz", removed::add);
    assertThat(removed).as("only credentials are remembered, not every query value").containsExactly("0a1b2c3d", "xyz");
    assertThat(SecretShapes.url("https://sts.eu-west-1.amazonaws.com")).isEqualTo("https://sts.eu-west-1.amazonaws.com");
    assertThat(SecretShapes.url("https://corp.awsapps.com/start#/")).isEqualTo("https://corp.awsapps.com/start#/");
  }

  @Test
  void scrubsFreeTextAndReportsWhatItRemoved() {
    List<String> removed = new ArrayList<>();
    String text = "key AKIA4GOODKEY7QX2ZK5N secret " + SECRET + " token=" + TOKEN
        + " via https://bob:pa55word@proxy.corp:3128/x?token=abc in ~/.aws/sso/cache/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567.json";
    String out = SecretShapes.scrub(text, removed::add);
    assertThat(out).isEqualTo("key AKIA…ZK5N secret (hidden, 40 chars) token=(hidden, " + TOKEN.length() + " chars)"
        + " via https://(hidden, 12 chars)@proxy.corp:3128/x?token=(hidden, 3 chars)"
        + " in ~/.aws/sso/cache/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567.json");
    assertThat(removed).contains(SECRET, TOKEN, "bob:pa55word", "pa55word");
    assertThat(SecretShapes.scrub(out)).as("idempotent").isEqualTo(out);
  }

  @Test
  void plainTextIsLeftAlone() {
    String text = "PROBLEM: A temporary (ASIA) access key is sent without its session token\n"
        + "  env AWS_ACCESS_KEY_ID  access key id ASIA…MPLE; fingerprint 3b7e0a5d9c1f2846; arn:aws:iam::111122223333:user/alice\n"
        + "Read more: https://docs.aws.amazon.com/IAM/latest/UserGuide/troubleshoot.html#troubleshoot_general_eventual-consistency";
    assertThat(SecretShapes.scrub(text)).isEqualTo(text);
    assertThat(SecretShapes.found(text)).isFalse();
  }
}
