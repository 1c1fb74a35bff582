package dev.tokendoctor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Scrubbing pasted text: by name, misspelled names included, and by shape whatever the name. */
class PastedSecretsTest {
  static final String SECRET = "kq7Vd2Lx9Qm4Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9O";
  static final String TOKEN = "IQoJb3JpZ2luX2VjEKz//////////wEaCWV1LXdlc3QtMSJHMEUCIQDk7mQ2Lx9Vb3Rn8Tw1Yh6Jc4Fp0Gs2Ue7Ai9OzQkq7VdAiBq";

  static Stream<Arguments> placements() {
    return Stream.of(
        Arguments.of("credentials file", "aws_secret_access_key = " + SECRET, SECRET),
        Arguments.of("export, quoted", "export AWS_SECRET_ACCESS_KEY=\"" + SECRET + "\"", SECRET),
        Arguments.of("misspelled env name", "AWS_SECERT_ACCESS_KEY=shortbutsecret99", "shortbutsecret99"),
        Arguments.of("misspelled file key", "aws_session_toke = abc123shorttoken", "abc123shorttoken"),
        Arguments.of("odd name, secret shape", "MY_KEY=" + SECRET, SECRET),
        Arguments.of("session token by shape", "token is " + TOKEN + " ok", TOKEN),
        Arguments.of("JSON SecretAccessKey", "{\"SecretAccessKey\": \"" + SECRET + "\", \"SessionToken\": \"" + TOKEN + "\"}", SECRET),
        Arguments.of("XML element", "<SessionToken>FwoGZXIvYXdzEPT//////////wEaDLm9Qx2Tn8Vb3Rw1</SessionToken>", "FwoGZXIvYXdzEPT"),
        Arguments.of("header", "'X-Amz-Security-Token': b'" + TOKEN + "'", TOKEN),
        Arguments.of("query", "https://s3.amazonaws.com/b/k?X-Amz-Security-Token=short%2Btok3n&X-Amz-Signature=abcdef0123456789abcdef", "short%2Btok3n"),
        Arguments.of("signature", "Signature=4f0c2e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6", "4f0c2e9d8b7a6f5e"),
        Arguments.of("url password", "AWS_ENDPOINT_URL=https://proxyuser:hunter2pw@proxy.example.com:8443/sts", "hunter2pw"),
        Arguments.of("bearer", "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJl", "eyJzdWIiOiIx"),
        Arguments.of("sso access token", "\"accessToken\": \"aoaAAAAAGdhbGxvcGluZy1zc28tdG9rZW4tZm9yLXRlc3Rz\"", "aoaAAAAAGdh"),
        Arguments.of("password", "password: Winter2026!", "Winter2026!"),
        Arguments.of("private key", "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7\n-----END RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA7"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placements")
  void scrubs(String where, String text, String secret) {
    assertThat(PastedSecrets.scrub(text)).doesNotContain(secret).contains(PastedSecrets.MARK);
  }

  @Test
  void keepsWhatDiagnosesTheError() {
    String text = "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included "
        + "in the request is invalid.\nExpiredToken: The security token included in the request is expired\n"
        + "SignatureDoesNotMatch: Signature expired: 20261204T101500Z is now earlier than 20261204T102501Z (20261204T103001Z - 5 min.)\n"
        + "AWS_WEB_IDENTITY_TOKEN_FILE=/var/run/secrets/eks.amazonaws.com/serviceaccount/token\n"
        + "at software.amazon.awssdk.services.sts.model.StsException\n----------------------------------------------------------------";
    assertThat(PastedSecrets.scrub(text)).isEqualTo(text);
  }

  @Test
  void shortensKeyIds() {
    assertThat(PastedSecrets.scrub("Credential=AKIA2OGYBAH6TZK5QW4N/20261204/us-east-1/sts/aws4_request"))
        .isEqualTo("Credential=AKIA…QW4N/20261204/us-east-1/sts/aws4_request");
  }

  @Test
  void tellsSecretShapedValues() {
    assertThat(PastedSecrets.secretShaped(SECRET)).isTrue();
    assertThat(PastedSecrets.secretShaped("\"" + TOKEN + "\"")).isTrue();
    assertThat(PastedSecrets.secretShaped("eu-west-1")).isFalse();
    assertThat(PastedSecrets.secretShaped("dev-admin")).isFalse();
  }
}
