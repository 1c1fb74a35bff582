package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static dev.tokendoctor.collect.Keys.TEMP;
import static dev.tokendoctor.collect.Keys.TEMP_SECRET;
import static dev.tokendoctor.collect.Keys.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.StsProbe;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where signed requests go. A user's configured endpoint (every source of one) is reported and never sent the
 * keys; the probe goes to the AWS endpoint it hides. Only AWS hosts of the signing region's partition over HTTPS
 * are sent a signed request, unless the person names an endpoint with {@code --sts-endpoint}/{@code --iam-endpoint},
 * and never plain HTTP beyond this machine. "AWS" here is a loopback HTTPS proxy that records where each
 * tunnel was asked to go and refuses it, so nothing leaves the machine.
 */
class ProbeDestinationTest {
  @TempDir Path home;

  interface Override {
    void on(Workstation w, URI emulator) throws IOException;
  }

  static Stream<Arguments> overrides() {
    return Stream.of(
        Arguments.of("env AWS_ENDPOINT_URL_STS", (Override) (w, e) -> w.env("AWS_ENDPOINT_URL_STS", e.toString())),
        Arguments.of("env AWS_ENDPOINT_URL", (Override) (w, e) -> w.env("AWS_ENDPOINT_URL", e.toString())),
        Arguments.of("profile endpoint_url", (Override) (w, e) -> w.config("[default]\nregion = eu-west-1\nendpoint_url = " + e + "\n")),
        Arguments.of("services section", (Override) (w, e) -> w.config("[default]\nregion = eu-west-1\nservices = local\n"
            + "[services local]\nsts =\n  endpoint_url = " + e + "\n")),
        Arguments.of("https host that is not AWS", (Override) (w, e) -> w.env("AWS_ENDPOINT_URL_STS", "https://sts.proxy.corp.example")),
        Arguments.of("AWS host of another partition", (Override) (w, e) -> w.env("AWS_ENDPOINT_URL_STS", "https://sts.cn-north-1.amazonaws.com.cn")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("overrides")
  void aConfiguredOverrideIsReportedNotCalled(String source, Override override) throws Exception {
    try (FakeAws emulator = new FakeAws(r -> callerIdentity("arn:aws:iam::000000000000:root", "000000000000", "000000000000"));
        FakeAws proxy = new FakeAws(r -> FakeAws.invalidClientTokenId())) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET).env("AWS_SESSION_TOKEN", TOKEN)
          .env("AWS_REGION", "eu-west-1").env("AWS_DEFAULT_REGION", "eu-west-1");
      override.on(w, emulator.uri());
      FactBundle b = throughProxy(proxy, () -> w.collect(CollectRequest.defaults()));
      assertThat(emulator.requests()).as("the configured endpoint is never sent the keys").isEmpty();
      assertThat(b.endpoints()).anySatisfy(e -> assertThat(e.effective()).isTrue());
      StsProbe primary = CollectorScenariosTest.probe(b, "primary");
      assertThat(primary.endpoint()).isEqualTo("https://sts.eu-west-1.amazonaws.com");
      assertThat(proxy.tunnels()).first().isEqualTo("sts.eu-west-1.amazonaws.com:443");
      assertThat(proxy.tunnels()).allSatisfy(t -> assertThat(t).matches("sts\\.[a-z0-9-]+\\.amazonaws\\.com(\\.cn)?:443"));
    }
  }

  @Test
  void doctorReportsTheOverrideAndJudgesTheKeysAtTheNamedEndpoint() throws Exception {
    try (FakeAws emulator = new FakeAws(r -> FakeAws.invalidClientTokenId());
        FakeAws aws = new FakeAws(FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))))) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET)
          .env("AWS_REGION", "us-east-1").env("AWS_DEFAULT_REGION", "us-east-1")
          .env("AWS_ENDPOINT_URL_STS", emulator.uri().toString());
      Workstation.Run run = w.run("doctor", "--sts-endpoint", aws.uri().toString(), "--format", "json");
      assertThat(emulator.requests()).isEmpty();
      assertThat(aws.requests()).isNotEmpty();
      assertThat(CollectorScenariosTest.firstFinding(run.out())).isEqualTo("ENDPOINT_OVERRIDE_ACTIVE");
      assertThat(run.out()).contains("AWS accepts these credentials at " + aws.uri());
    }
  }

  @Test
  void anAwsStsHostOfThePartitionIsWhereTheClientReallyGoes() throws Exception {
    try (FakeAws proxy = new FakeAws(r -> FakeAws.invalidClientTokenId())) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1")
          .env("AWS_ENDPOINT_URL_STS", "https://vpce-0a1b2c3d4e5f67890-abcdefgh.sts.us-east-1.vpce.amazonaws.com");
      FactBundle b = throughProxy(proxy, () -> w.collect(CollectRequest.defaults()));
      assertThat(CollectorScenariosTest.probe(b, "primary").endpoint())
          .isEqualTo("https://vpce-0a1b2c3d4e5f67890-abcdefgh.sts.us-east-1.vpce.amazonaws.com");
      assertThat(proxy.tunnels()).first().isEqualTo("vpce-0a1b2c3d4e5f67890-abcdefgh.sts.us-east-1.vpce.amazonaws.com:443");
    }
  }

  @Test
  void aRegionThatBuildsAnotherHostIsNotSentTheKeys() throws Exception {
    try (FakeAws proxy = new FakeAws(r -> FakeAws.invalidClientTokenId())) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "x@evil.example#");
      FactBundle b = throughProxy(proxy, () -> w.collect(CollectRequest.defaults()));
      StsProbe primary = CollectorScenariosTest.probe(b, "primary");
      assertThat(primary.outcome()).isEqualTo("client-error");
      assertThat(primary.errorMessage()).startsWith("not sent: evil.example is not an AWS STS host");
      assertThat(proxy.tunnels()).noneMatch(t -> t.contains("evil"));
    }
  }

  @Test
  void plainHttpIsSentOnlyToTheLoopbackEndpointNamedOnTheCommandLine() throws Exception {
    try (FakeAws named = new FakeAws(FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))));
        FakeAws other = new FakeAws(r -> FakeAws.invalidClientTokenId())) {
      CollectRequest request = Keys.at(named.uri());
      var timeout = java.time.Duration.ofSeconds(2);
      Machine m = new Workstation(home).machine();
      Material keys = new Material(GOOD, GOOD_SECRET, TOKEN);
      for (FakeAws target : List.of(named, other)) {
        try (var http = StsCall.http(request, timeout)) {
          StsCall.Answer<?> a = StsCall.run(m.clock(), new Secrets(), () -> {
            try (var sts = software.amazon.awssdk.services.sts.StsClient.builder().region(StsCall.region("us-east-1"))
                .endpointOverride(target.uri()).credentialsProvider(StsCall.credentials(keys, true)).httpClient(http)
                .overrideConfiguration(StsCall.overrides(timeout)).build()) {
              return sts.getCallerIdentity();
            }
          }, r -> r.sdkHttpResponse());
          assertThat(a.outcome()).isEqualTo(target == named ? "ok" : "client-error");
        }
      }
      assertThat(named.requests()).hasSize(1);
      assertThat(other.requests()).as("a loopback server the person did not name").isEmpty();
    }
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @CsvSource({
      // allowed: AWS hosts of the signing region's partition, over HTTPS
      "https://sts.amazonaws.com, sts, us-east-1, ",
      "https://sts.eu-west-1.amazonaws.com, sts, eu-west-1, ",
      "https://sts.af-south-1.amazonaws.com, sts, af-south-1, ",
      "https://sts-fips.us-east-1.amazonaws.com, sts, us-east-1, ",
      "https://sts.us-east-1.api.aws, sts, us-east-1, ",
      "https://vpce-0a1b2c3d-abcdefgh.sts.eu-west-1.vpce.amazonaws.com, sts, eu-west-1, ",
      "https://sts.cn-north-1.amazonaws.com.cn, sts, cn-north-1, ",
      "https://sts.cn-northwest-1.amazonaws.com.cn, sts, cn-northwest-1, ",
      "https://sts.us-gov-west-1.amazonaws.com, sts, us-gov-west-1, ",
      "https://sts.us-iso-east-1.c2s.ic.gov, sts, us-iso-east-1, ",
      "https://sts.us-isob-east-1.sc2s.sgov.gov, sts, us-isob-east-1, ",
      "https://sts.eu-isoe-west-1.cloud.adc-e.uk, sts, eu-isoe-west-1, ",
      "https://sts.us-isof-south-1.csp.hci.ic.gov, sts, us-isof-south-1, ",
      "https://sts.eusc-de-east-1.amazonaws.eu, sts, eusc-de-east-1, ",
      "https://iam.amazonaws.com, iam, us-east-1, ",
      "https://iam.us-gov.amazonaws.com, iam, us-gov-west-1, ",
      "https://iam.cn-north-1.amazonaws.com.cn, iam, cn-north-1, ",
      // refused: clear text, not AWS, not STS, another partition, look-alikes
      "http://sts.us-east-1.amazonaws.com, sts, us-east-1, plain HTTP",
      "http://localhost:4566, sts, us-east-1, plain HTTP",
      "https://localhost:4566, sts, us-east-1, not an AWS STS host of partition aws",
      "https://sts.proxy.corp.example, sts, us-east-1, not an AWS STS host",
      "https://sts.us-east-1.amazonaws.com.evil.example, sts, us-east-1, not an AWS STS host",
      "https://evil-amazonaws.com, sts, us-east-1, not an AWS STS host",
      "https://x@evil.example, sts, us-east-1, evil.example is not an AWS STS host",
      "https://s3.us-east-1.amazonaws.com, sts, us-east-1, not an AWS STS host",
      "https://iam.amazonaws.com, sts, us-east-1, not an AWS STS host",
      "https://sts.cn-north-1.amazonaws.com.cn, sts, eu-west-1, not an AWS STS host of partition aws",
      "https://sts.us-east-1.amazonaws.com, sts, cn-north-1, not an AWS STS host of partition aws-cn",
      "https://sts.us-gov-west-1.amazonaws.com, sts, us-east-1, not an AWS STS host of partition aws",
      "https://sts.us-east-1.amazonaws.com, sts, us-gov-west-1, not an AWS STS host of partition aws-us-gov",
      "https://iam.us-gov.amazonaws.com, iam, us-east-1, not an AWS IAM host of partition aws",
      "https://sts.us-iso-east-1.c2s.ic.gov, sts, us-isob-east-1, not an AWS STS host of partition aws-iso-b",
      "https://sts.eu-west-1.amazonaws.com, sts, us-iso-east-1, not an AWS STS host of partition aws-iso",
  })
  void onlyAwsHostsOfThePartitionOverHttps(String url, String service, String region, String refused) {
    assertRefusal(ProbeDestinations.refusal(URI.create(url), service, region, List.of()), refused);
  }

  @ParameterizedTest(name = "{0} named {1}")
  @CsvSource({
      "http://127.0.0.1:4566, http://127.0.0.1:4566, ",
      "http://localhost:4566, http://localhost:4566/, ",
      "http://[::1]:4566, http://[::1]:4566, ",
      "https://sts.proxy.corp.example, https://sts.proxy.corp.example, ",
      "https://10.0.0.5:8443, https://10.0.0.5:8443, ",
      "http://10.0.0.5:4566, http://10.0.0.5:4566, in clear text",
      "http://sts.proxy.corp.example, http://sts.proxy.corp.example, in clear text",
      "http://127.0.0.1:4566, http://127.0.0.1:9999, plain HTTP",
      "https://127.0.0.1:4566, https://127.0.0.1:9999, not an AWS STS host",
  })
  void namedEndpointsMayBeAnyHttpsAndLoopbackHttp(String url, String named, String refused) {
    assertRefusal(ProbeDestinations.refusal(URI.create(url), "sts", "us-east-1", List.of(URI.create(named))), refused);
  }

  /** {@code refused}: a part of the reason, or {@code null} when the request may go. */
  private static void assertRefusal(String why, String refused) {
    if (refused == null) {
      assertThat(why).isNull();
    } else {
      assertThat(why).contains(refused);
    }
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
      "--sts-endpoint, http://sts.example.com",
      "--sts-endpoint, http://10.1.2.3:4566",
      "--iam-endpoint, http://iam.example.com",
      "--sts-endpoint, ftp://127.0.0.1",
  })
  void plainHttpBeyondThisMachineIsBadUsage(String option, String url) {
    Workstation.Run run = new Workstation(home).run("collect", option, url, "--offline");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err().strip()).doesNotContain("\n").contains(option).contains(url);
    assertThat(run.out()).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"http://127.0.0.1:4566", "http://localhost:4566", "http://[::1]:4566", "https://sts.proxy.corp.example"})
  void loopbackHttpAndAnyHttpsAreAccepted(String url) {
    Workstation.Run run = new Workstation(home).run("collect", "--sts-endpoint", url, "--offline", "-o", home.resolve("b.json").toString());
    assertThat(run.err()).doesNotContain("plain http");
    assertThat(run.exitCode()).isZero();
  }

  interface Collecting {
    FactBundle run();
  }

  /** Runs {@code what} with every HTTPS connection of this JVM going through {@code proxy} (tests run one at a time). */
  private static FactBundle throughProxy(FakeAws proxy, Collecting what) {
    String host = System.getProperty("https.proxyHost");
    String port = System.getProperty("https.proxyPort");
    System.setProperty("https.proxyHost", proxy.uri().getHost());
    System.setProperty("https.proxyPort", String.valueOf(proxy.uri().getPort()));
    try {
      return what.run();
    } finally {
      restore("https.proxyHost", host);
      restore("https.proxyPort", port);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, value);
    }
  }
}
