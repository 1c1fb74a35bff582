package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.ADMIN;
import static dev.tokendoctor.collect.Keys.ADMIN_SECRET;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.KeyVerification;
import dev.tokendoctor.facts.StsProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What answers only AWS can give count as AWS's word: a parsed GetCallerIdentity result is acceptance, a parsed
 * 4xx error response is a refusal; a web page, a server error, a body too large or too slow to be AWS's is the
 * network answering instead, and is said as {@code unreachable} (or {@code timeout}) with the reason. The real
 * AWS SDK client talks to the loopback server, which serves each of these answers.
 */
class UntrustedAnswersTest {
  private static final long HUGE = 256L * 1024 * 1024;
  /** Far above any cap and far below the huge body: kernel socket buffers on loopback hold a few MiB. */
  private static final long READ_BOUND = 24L * 1024 * 1024;

  @TempDir Path home;

  static Stream<Arguments> notAnIdentity() {
    String ns = FakeAws.STS_NS;
    return Stream.of(
        Arguments.of("captive portal page", FakeAws.html(200, "Welcome to Airport Wi-Fi")),
        Arguments.of("empty 200", new FakeAws.Response(200, "")),
        Arguments.of("XML without the account", new FakeAws.Response(200, "<GetCallerIdentityResponse xmlns=\"" + ns + "\"><GetCallerIdentityResult>"
            + "<Arn>" + Keys.userArn("alice") + "</Arn><UserId>AIDACKCEVSQ6C2EXAMPLE</UserId></GetCallerIdentityResult></GetCallerIdentityResponse>")),
        Arguments.of("account that is not 12 digits", callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", "portal")),
        Arguments.of("ARN that is not an IAM/STS ARN", callerIdentity("https://portal.example/login", "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)),
        Arguments.of("ARN of another account than the one answered", callerIdentity("arn:aws:iam::999988887777:user/alice", "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)),
        Arguments.of("user id missing", callerIdentity(Keys.userArn("alice"), "", ACCOUNT)),
        Arguments.of("another operation's answer", FakeAws.accessKeyInfo(ACCOUNT)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("notAnIdentity")
  void onlyAParsedCallerIdentityIsAcceptance(String name, FakeAws.Response answer) throws Exception {
    try (FakeAws portal = new FakeAws(r -> answer)) {
      Workstation w = machine();
      StsProbe p = primary(w.collect(Keys.at(portal.uri())));
      assertThat(p.outcome()).isEqualTo("unreachable");
      assertThat(p.ok()).isFalse();
      assertThat(p.callerAccount()).isNull();
      assertThat(p.errorMessage()).contains("not a GetCallerIdentity result");
      assertThat(p.serverDate()).as("a page's Date header says nothing of AWS's clock").isNull();
    }
  }

  @Test
  void doctorBehindACaptivePortalDoesNotSayAwsAccepts() throws Exception {
    try (FakeAws portal = new FakeAws(r -> FakeAws.html(200, "Welcome to Airport Wi-Fi"))) {
      Workstation.Run run = machine().run("doctor", "--sts-endpoint", portal.uri().toString(), "--format", "text");
      // What the verdict is without proof either way is the verdict policy's; acceptance it is not.
      assertThat(run.out()).doesNotContain("AWS accepts these credentials").contains("something other than AWS answered");
    }
  }

  @Test
  void aWellFormedIdentityIsStillAcceptance() throws Exception {
    try (FakeAws aws = new FakeAws(r -> callerIdentity("arn:aws:sts::" + ACCOUNT + ":assumed-role/Dev/alice", "AROA3XFRBF23EXAMPLE:alice", ACCOUNT))) {
      StsProbe p = primary(machine().collect(Keys.at(aws.uri())));
      assertThat(p.ok()).isTrue();
      assertThat(p.callerAccount()).isEqualTo(ACCOUNT);
    }
  }

  static Stream<Arguments> serverErrors() {
    return Stream.of(
        Arguments.of("500 InternalFailure", FakeAws.serverError(500, "InternalFailure")),
        Arguments.of("503 ServiceUnavailable", FakeAws.serverError(503, "ServiceUnavailable")),
        Arguments.of("500 that names a credentials error", FakeAws.error(500, "InvalidClientTokenId", "The security token included in the request is invalid")),
        Arguments.of("502 page of a load balancer", FakeAws.html(502, "502 Bad Gateway")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("serverErrors")
  void aServerErrorIsNotAVerdict(String name, FakeAws.Response answer) throws Exception {
    try (FakeAws aws = new FakeAws(r -> answer)) {
      FactBundle b = machine().collect(Keys.at(aws.uri()));
      assertThat(b.stsProbes()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.outcome()).isEqualTo("unreachable");
        assertThat(p.failed()).isFalse();
        assertThat(p.errorCode()).isNull();
        assertThat(p.httpStatus()).isEqualTo(answer.status());
        assertThat(p.errorMessage()).contains(String.valueOf(answer.status()));
      });
      assertThat(b.collectors()).anySatisfy(c -> {
        assertThat(c.name()).isEqualTo("sts");
        assertThat(c.status()).isEqualTo("unreachable");
      });
    }
  }

  @Test
  void noRuleConcludesFromAServerError() throws Exception {
    // Taken as AWS's word, this 500 would make the key unknown to AWS (KEY_ID_NOT_FOUND).
    try (FakeAws aws = new FakeAws(r -> FakeAws.error(500, "InvalidClientTokenId", "The security token included in the request is invalid"))) {
      Workstation.Run run = machine().run("doctor", "--sts-endpoint", aws.uri().toString(), "--format", "json");
      assertThat(CollectorScenariosTest.firstFinding(run.out())).isNull();
      assertThat(run.out()).contains("a server error that says nothing about the credentials");
    }
  }

  @Test
  void aProxysRefusalPageIsNotAnAwsRefusal() throws Exception {
    try (FakeAws proxy = new FakeAws(r -> FakeAws.html(403, "Access denied by corporate proxy policy"))) {
      StsProbe p = primary(machine().collect(Keys.at(proxy.uri())));
      assertThat(p.outcome()).isEqualTo("unreachable");
      assertThat(p.errorCode()).isNull();
      assertThat(p.errorMessage()).contains("403").contains("not an AWS error response");
    }
  }

  static Stream<Arguments> hugeBodies() {
    return Stream.of(
        Arguments.of("403 error, length declared", FakeAws.huge(FakeAws.invalidClientTokenId(), HUGE, true)),
        Arguments.of("403 error, length not declared", FakeAws.huge(FakeAws.invalidClientTokenId(), HUGE, false)),
        Arguments.of("200 answer, length declared", FakeAws.huge(callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT), HUGE, true)),
        Arguments.of("200 answer, length not declared", FakeAws.huge(callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT), HUGE, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hugeBodies")
  @Timeout(120)
  void hugeBodiesAreNotRead(String name, FakeAws.Response answer) throws Exception {
    try (FakeAws aws = new FakeAws(r -> answer)) {
      FactBundle b = machine().collect(Keys.at(aws.uri()));
      assertThat(b.stsProbes()).isNotEmpty().allSatisfy(p -> {
        assertThat(p.outcome()).isEqualTo("unreachable");
        assertThat(p.errorMessage()).contains("larger than");
      });
      // What was written is an upper bound of what was read: the client stopped reading long before the end.
      assertThat(aws.bodyBytesWritten()).isLessThan(READ_BOUND * b.stsProbes().size());
    }
  }

  @Test
  @Timeout(120)
  void hugeIamBodiesAreNotRead() throws Exception {
    try (FakeAws aws = new FakeAws(iamListingUsersWith(FakeAws.huge(FakeAws.listUsers(ACCOUNT, "alice"), HUGE, false)))) {
      KeyVerification v = verifyWithAdmin(aws);
      assertThat(v.status()).isNull();
      assertThat(v.error()).contains("iam:ListUsers").contains("larger than");
      assertThat(aws.bodyBytesWritten()).isLessThan(READ_BOUND);
    }
  }

  @Test
  void aPortalPageIsNotAnEmptyListOfUsers() throws Exception {
    // Parsed as IAM's answer, the page would be a complete list of users without the key: "deleted", proven.
    try (FakeAws aws = new FakeAws(iamListingUsersWith(FakeAws.html(200, "Sign in to the guest network")))) {
      KeyVerification v = verifyWithAdmin(aws);
      assertThat(v.status()).isNull();
      assertThat(v.error()).contains("iam:ListUsers").contains("not a ListUsers result");
    }
  }

  /** STS as AWS answers it for {@code --verify-with admin}, and {@code listUsers} for IAM's ListUsers. */
  private static FakeAws.Handler iamListingUsersWith(FakeAws.Response listUsers) {
    return r -> switch (r.action()) {
      case "GetAccessKeyInfo" -> FakeAws.accessKeyInfo(ACCOUNT);
      case "GetCallerIdentity" -> ADMIN.equals(r.keyId()) ? callerIdentity(Keys.userArn("admin"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)
          : FakeAws.invalidClientTokenId();
      case "ListUsers" -> listUsers;
      default -> FakeAws.listAccessKeys("alice", java.time.Instant.parse("2024-01-10T08:00:00Z"), java.util.Map.of(GOOD, "Active"));
    };
  }

  private KeyVerification verifyWithAdmin(FakeAws aws) throws Exception {
    Workstation w = machine();
    w.credentials("[admin]\naws_access_key_id = " + ADMIN + "\naws_secret_access_key = " + ADMIN_SECRET + "\n");
    FactBundle b = w.collect(new CollectRequest(null, null, null, "admin", false, aws.uri(), null, null, null, null, null));
    return b.verifications().get(0);
  }

  @Test
  @Timeout(60)
  void aBodyThatTricklesEndsAtTheTimeLimit() throws Exception {
    try (FakeAws aws = new FakeAws(r -> FakeAws.slow(FakeAws.invalidClientTokenId(), Duration.ofMillis(100)))) {
      var limits = new CollectRequest.Limits(Duration.ofMillis(500), Duration.ofMillis(1500), Duration.ofSeconds(3), Duration.ofSeconds(1));
      FactBundle b = machine().collect(new CollectRequest(null, null, null, null, false, aws.uri(), null, null, null, null, limits));
      StsProbe p = primary(b);
      assertThat(p.outcome()).isEqualTo("timeout");
      assertThat(p.failed()).isFalse();
      // Each byte came within the socket timeout; only a limit on the whole call ends it.
      assertThat(aws.bodyBytesWritten()).isLessThan(FakeAws.invalidClientTokenId().body().length());
    }
  }

  private Workstation machine() {
    return new Workstation(home).env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1")
        .env("AWS_DEFAULT_REGION", "us-east-1");
  }

  private static StsProbe primary(FactBundle b) {
    return CollectorScenariosTest.probe(b, "primary");
  }
}
