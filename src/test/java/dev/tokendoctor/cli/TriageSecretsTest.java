package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.ticket.TicketExtractor;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Tickets full of secrets: no output of {@code triage} (every format, verbose, standard error) and no output of
 * {@code batch} given the same text as a line's pasted error repeats any of them, whole or in a telling part.
 */
class TriageSecretsTest {
  static final String SECRET = "kq7Vd2Lx9Qm4Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9O";
  static final String SECRET2 = "Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9Okq7Vd2Lx9Qm4";
  static final String TOKEN = "IQoJb3JpZ2luX2VjEKz//////////wEaCWV1LXdlc3QtMSJHMEUCIQDk7mQ2Lx9Vb3Rn8Tw1Yh6Jc4Fp0Gs2Ue7Ai9OzQkq7VdAiBq2Lx9Qm4Zr8Tn1Bw6Y";
  static final String OLD_TOKEN = "FwoGZXIvYXdzEPT//////////wEaDLm9Qx2Tn8Vb3Rw1Yh6Jc4Fp0Gs2Ue7Ai9OzQkq7VdLx9Qm4Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9";
  static final String SSO_TOKEN = "aoaAAAAAGdhbGxvcGluZy1zc28tdG9rZW4tZm9yLXRlc3RzLWFuZC1tb3JlLXRleHQ";
  static final String JWT = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6ZGVmYXVsdDphcHAifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
  static final String SIGNATURE = "4f0c2e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6";
  static final String URL_PASSWORD = "hunter2proxypw";
  static final String MISSPELLED = "MySecretValue2026x";
  static final String SHORT_TOKEN = "s3cr3t-t0k3n-v4lue";
  static final String FULL_KEY_ID = "AKIA2OGYBAH6TZK5QW4N";
  static final List<String> SECRETS = List.of(SECRET, SECRET2, TOKEN, OLD_TOKEN, SSO_TOKEN, JWT, SIGNATURE, URL_PASSWORD, MISSPELLED,
      SHORT_TOKEN, FULL_KEY_ID);

  static final String TICKET = """
      From: dev@example.com
      Date: Fri, 04 Dec 2026 10:31:00 GMT
      Subject: token invalid

      Everything fails since the rotation. My shell:

      export AWS_ACCESS_KEY_ID=AKIA2OGYBAH6TZK5QW4N
      export AWS_SECRET_ACCESS_KEY="%1$s"
      export AWS_SESSION_TOKEN=%3$s
      AWS_SECURITY_TOKEN=%4$s
      AWS_SECERT_ACCESS_KEY=%9$s
      AWS_SESSION_TOKN=%10$s
      AWS_ENDPOINT_URL=https://proxyuser:%8$s@proxy.example.com:8443/
      $env:AWS_SECRET_ACCESS_KEY = '%2$s'

      ~/.aws/credentials
      [default]
      aws_access_key_id = AKIA2OGYBAH6TZK5QW4N
      aws_secret_access_key = %2$s
      aws_secert_access_key = %9$s
      aws_session_toke = %10$s

      [%1$s]
      aws_access_key_id = AKIA7RXMDNC3UVWP2Q5T

      ~/.aws/sso/cache/x.json: {"accessToken": "%5$s", "clientSecret": "%6$s"}

      $ aws sts get-caller-identity --debug --profile %1$s
      2026-12-04 09:02:11,481 - MainThread - botocore.endpoint - DEBUG - Sending http request: <AWSPreparedRequest stream_output=False, method=POST, url=https://sts.eu-west-1.amazonaws.com/, headers={'User-Agent': b'aws-cli/2.17.2', 'X-Amz-Date': b'20261204T090211Z', 'X-Amz-Security-Token': b'%3$s', 'Authorization': b'AWS4-HMAC-SHA256 Credential=AKIA2OGYBAH6TZK5QW4N/20261204/eu-west-1/sts/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=%7$s'}>
      2026-12-04 09:02:11,911 - MainThread - botocore.parsers - DEBUG - Response body:
      b'<ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>'
      presigned: https://b.s3.amazonaws.com/k?X-Amz-Security-Token=%10$s&X-Amz-Signature=%7$s
      Authorization: Bearer %6$s

      An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid. key=%1$s token=%3$s
      """.formatted(SECRET, SECRET2, TOKEN, OLD_TOKEN, SSO_TOKEN, JWT, SIGNATURE, URL_PASSWORD, MISSPELLED, SHORT_TOKEN);

  @TempDir Path dir;

  @ParameterizedTest(name = "--format {0}")
  @ValueSource(strings = {"text", "json", "markdown"})
  void triageRepeatsNoSecret(String format) throws Exception {
    Path ticket = Files.writeString(dir.resolve("ticket.txt"), TICKET);
    for (List<String> extra : List.of(List.<String>of(), List.of("--verbose"))) {
      List<String> args = new ArrayList<>(List.of("triage", ticket.toString(), "--format", format));
      args.addAll(extra);
      CliRun r = CliRun.of(args.toArray(String[]::new));
      assertThat(r.exitCode()).isIn(ExitCodes.OK, ExitCodes.PROBLEM);
      assertNoSecret(r.out() + r.err());
      CliRun stdin = CliRun.with(Map.of(), TICKET, args.stream().map(a -> a.equals(ticket.toString()) ? "-" : a).toArray(String[]::new));
      assertNoSecret(stdin.out() + stdin.err());
    }
  }

  @Test
  void theFactsTriageReadsHoldNoSecret() throws Exception {
    var facts = TicketExtractor.extract(TICKET, "ticket.txt");
    java.io.ByteArrayOutputStream json = new java.io.ByteArrayOutputStream();
    new BundleCodec().write(facts, json);
    String written = json.toString(StandardCharsets.UTF_8);
    assertThat(written).contains("InvalidClientTokenId", "AKIA…QW4N", "(redacted)");
    assertNoSecret(written);
    assertNoSecret(facts.toString());
  }

  @Test
  void aTicketNamedBySecretsDoesNotRepeatItsName() throws Exception {
    Path ticket = Files.writeString(dir.resolve(SECRET.replace('/', '_') + ".txt"), TICKET);
    CliRun r = CliRun.of("triage", ticket.toString(), "--format", "json");
    assertThat(r.out()).doesNotContain(SECRET);
  }

  @Test
  void badInputMessagesRepeatNothingOfTheTicket() throws Exception {
    byte[] bytes = (TICKET + "\u00ff").getBytes(StandardCharsets.ISO_8859_1);
    Path ticket = Files.write(dir.resolve("t.txt"), bytes);
    CliRun r = CliRun.of("triage", ticket.toString());
    assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertNoSecret(r.out() + r.err());
  }

  @Test
  void batchKeepsNoSecretOfAPastedError() throws Exception {
    ObjectMapper m = new ObjectMapper();
    ObjectNode line = m.createObjectNode();
    line.put("ticket", "T-1");
    line.set("bundle", m.readTree(Files.readString(Path.of("facts-samples/session-token-missing.json"))));
    line.put("error", TICKET);
    ObjectNode withContext = line.deepCopy();
    withContext.put("ticket", "T-2");
    withContext.remove("error");
    withContext.putObject("context").put("errorText", TICKET).put("errorCode", "InvalidClientTokenId");
    Path in = Files.writeString(dir.resolve("in.jsonl"), m.writeValueAsString(line) + "\n" + m.writeValueAsString(withContext) + "\n");
    Path out = dir.resolve("out");
    CliRun r = CliRun.of("batch", in.toString(), "--out", out.toString());
    assertNoSecret(r.out() + r.err());
    try (Stream<Path> files = Files.walk(out)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        assertNoSecret(Files.readString(f));
      }
    }
  }

  static void assertNoSecret(String output) {
    for (String s : SECRETS) {
      assertThat(output).as("the output repeats a secret").doesNotContain(s);
      assertThat(output).as("the output repeats a telling part of a secret").doesNotContain(s.substring(0, 12))
          .doesNotContain(s.substring(s.length() - 12));
    }
  }
}
