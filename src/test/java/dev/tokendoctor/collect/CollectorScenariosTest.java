package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.BAD;
import static dev.tokendoctor.collect.Keys.BAD_SECRET;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static dev.tokendoctor.collect.Keys.TEMP;
import static dev.tokendoctor.collect.Keys.TEMP_SECRET;
import static dev.tokendoctor.collect.Keys.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.StsProbe;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Machines in the states issue 3 lists, each built from real files in a temporary HOME, a real environment
 * map and a real loopback STS; the facts the collectors produce are asserted.
 */
class CollectorScenariosTest {
  @TempDir Path home;

  static ResolvedCredentials effective(FactBundle b) {
    assertThat(b.credentials().stream().filter(ResolvedCredentials::effective)).hasSize(1);
    return b.credentials().stream().filter(ResolvedCredentials::effective).findFirst().orElseThrow();
  }

  static ResolvedCredentials client(FactBundle b, String client) {
    return b.credentials().stream().filter(c -> c.client().equals(client)).findFirst().orElseThrow();
  }

  static StsProbe probe(FactBundle b, String purpose) {
    return b.stsProbes().stream().filter(p -> p.purpose().equals(purpose)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + purpose + " probe in " + b.stsProbes()));
  }

  static CollectorRun run(FactBundle b, String name) {
    return b.collectors().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void healthyMachine() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))))) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .config("[default]\nregion = eu-west-1\n");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      ResolvedCredentials c = effective(b);
      assertThat(c.client()).isEqualTo("java-sdk-v2");
      assertThat(c.provider()).isEqualTo("profile-static");
      assertThat(String.valueOf(c.keyIdOrigin())).isEqualTo("~/.aws/credentials:2 [default] aws_access_key_id");
      assertThat(c.keyId().shown()).isEqualTo("AKIA…ZK5N");
      assertThat(c.keyId().clean()).isTrue();
      assertThat(c.secret().shown()).isNull();
      StsProbe p = probe(b, "primary");
      assertThat(p.ok()).isTrue();
      assertThat(p.signingRegion()).isEqualTo("eu-west-1");
      assertThat(p.callerArn()).isEqualTo(Keys.userArn("alice"));
      assertThat(b.stsProbes()).hasSize(1);
      assertThat(aws.requests()).singleElement().satisfies(r -> {
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(r.action()).isEqualTo("GetCallerIdentity");
      });
      assertThat(b.clock().absoluteSkewSeconds()).isBetween(0L, 5L);
      assertThat(run(b, "sts").status()).isEqualTo("ok");
      assertThat(run(b, "clock").status()).isEqualTo("ok");
      assertThat(b.regions()).anySatisfy(r -> {
        assertThat(r.client()).isEqualTo("java-sdk-v2");
        assertThat(r.region()).isEqualTo("eu-west-1");
        assertThat(String.valueOf(r.origin())).isEqualTo("~/.aws/config:2 [default] region");
        assertThat(r.effective()).isTrue();
      });

      Workstation.Run doctor = w.run("doctor", "--sts-endpoint", aws.uri().toString(), "--format", "json");
      assertThat(doctor.exitCode()).as(doctor.out() + doctor.err()).isZero();
      assertThat(doctor.out()).contains("\"verdict\"").contains("\"ok\"");
    }
  }

  @Test
  void envKeysOverrideTheSelectedProfile() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("dev"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))))) {
      Workstation w = new Workstation(home)
          .credentials("[dev]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .env("AWS_PROFILE", "dev")
          .env("AWS_ACCESS_KEY_ID", BAD)
          .env("AWS_SECRET_ACCESS_KEY", BAD_SECRET)
          .env("AWS_REGION", "us-east-1");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      ResolvedCredentials c = effective(b);
      assertThat(c.provider()).isEqualTo("environment");
      assertThat(String.valueOf(c.keyIdOrigin())).isEqualTo("env AWS_ACCESS_KEY_ID");
      assertThat(b.profile().name()).isEqualTo("dev");
      assertThat(String.valueOf(b.profile().source())).isEqualTo("env AWS_PROFILE");
      assertThat(b.profile().inCredentialsFile()).isTrue();
      // The profile's key is a different value: fingerprints differ.
      var profileKey = b.properties().stream().filter(p -> p.key().equals("aws_access_key_id")).findFirst().orElseThrow();
      assertThat(profileKey.value().fingerprint()).isNotEqualTo(c.keyId().fingerprint());
      assertThat(probe(b, "primary").errorCode()).isEqualTo("InvalidClientTokenId");
      assertThat(probe(b, "primary").httpStatus()).isEqualTo(403);
      // Every client picks the environment here: AWS_PROFILE does not turn env keys off.
      assertThat(b.credentials()).allSatisfy(r -> assertThat(r.provider()).isEqualTo("environment"));

      // --profile does, for botocore and the CLI (not for the SDK for Java).
      FactBundle explicit = w.collect(Keys.profile(aws.uri(), "dev"));
      assertThat(client(explicit, "cli-v2").provider()).isEqualTo("profile-static");
      assertThat(client(explicit, "botocore").provider()).isEqualTo("profile-static");
      assertThat(client(explicit, "java-sdk-v2").provider()).isEqualTo("environment");
    }
  }

  @Test
  void wrongProfileName() throws Exception {
    Workstation w = new Workstation(home)
        .credentials("[production]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
        .config("[profile production]\nregion = us-east-1\n")
        .env("AWS_PROFILE", "prodution");
    FactBundle b = w.collect(Keys.offline());
    assertThat(b.profile().name()).isEqualTo("prodution");
    assertThat(b.profile().missingEverywhere()).isTrue();
    assertThat(b.profile().similarNames()).containsExactly("production");
    assertThat(effective(b).found()).isFalse();
    assertThat(client(b, "cli-v2").error()).contains("The config profile (prodution) could not be found");
    assertThat(run(b, "sts").status()).isEqualTo("skipped");
  }

  @Test
  void temporaryKeyWithoutItsToken() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of()))) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", TEMP)
          .env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
          .env("AWS_REGION", "us-east-1");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      ResolvedCredentials c = effective(b);
      assertThat(c.temporaryKey()).isTrue();
      assertThat(c.hasToken()).isFalse();
      assertThat(probe(b, "primary").errorCode()).isEqualTo("InvalidClientTokenId");
      assertThat(probe(b, "primary").withToken()).isFalse();

      Workstation.Run doctor = w.run("doctor", "--sts-endpoint", aws.uri().toString(), "--format", "json");
      assertThat(doctor.exitCode()).isEqualTo(1);
      assertThat(firstFinding(doctor.out())).isEqualTo("SESSION_TOKEN_MISSING");
    }
  }

  @Test
  void staleTokenOnALongTermKey() throws Exception {
    FakeAws.Handler onlyWithoutToken = r -> GOOD.equals(r.keyId()) && !r.hasToken()
        ? callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT) : FakeAws.invalidClientTokenId();
    try (FakeAws aws = new FakeAws(onlyWithoutToken)) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD)
          .env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET)
          .env("AWS_SESSION_TOKEN", TOKEN)
          .env("AWS_REGION", "us-east-1");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      ResolvedCredentials c = effective(b);
      assertThat(c.longTermKey()).isTrue();
      assertThat(c.hasToken()).isTrue();
      assertThat(String.valueOf(c.tokenOrigin())).isEqualTo("env AWS_SESSION_TOKEN");
      assertThat(c.token().length()).isEqualTo(TOKEN.length());
      assertThat(probe(b, "primary").withToken()).isTrue();
      assertThat(probe(b, "primary").errorCode()).isEqualTo("InvalidClientTokenId");
      StsProbe without = probe(b, "without-token");
      assertThat(without.ok()).isTrue();
      assertThat(without.withToken()).isFalse();
      assertThat(FakeAws.actions(aws.requests())).containsExactly(
          "sts:GetCallerIdentity@us-east-1+token", "sts:GetCallerIdentity@us-east-1");
    }
  }

  @Test
  void legacySecurityTokenVariableIsBotocoresOnly() throws Exception {
    Workstation w = new Workstation(home)
        .env("AWS_ACCESS_KEY_ID", TEMP)
        .env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
        .env("AWS_SECURITY_TOKEN", TOKEN);
    FactBundle b = w.collect(Keys.offline());
    assertThat(client(b, "java-sdk-v2").hasToken()).isFalse();
    assertThat(String.valueOf(client(b, "botocore").tokenOrigin())).isEqualTo("env AWS_SECURITY_TOKEN");
    assertThat(client(b, "cli-v2").hasToken()).isTrue();
  }

  @Test
  void optInRegionFailsWhereUsEast1Works() throws Exception {
    FakeAws.Handler optIn = r -> "af-south-1".equals(r.region()) ? FakeAws.invalidClientTokenId()
        : callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT);
    try (FakeAws aws = new FakeAws(optIn)) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .env("AWS_REGION", "af-south-1");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      assertThat(probe(b, "primary").signingRegion()).isEqualTo("af-south-1");
      assertThat(probe(b, "primary").errorCode()).isEqualTo("InvalidClientTokenId");
      StsProbe usEast = probe(b, "default-region");
      assertThat(usEast.signingRegion()).isEqualTo("us-east-1");
      assertThat(usEast.ok()).isTrue();
      assertThat(usEast.endpoint()).isEqualTo(aws.uri().toString());
      assertThat(b.regions()).anySatisfy(r -> {
        assertThat(r.region()).isEqualTo("af-south-1");
        assertThat(String.valueOf(r.origin())).isEqualTo("env AWS_REGION");
      });
    }
  }

  @Test
  void govCloudKeySentToACommercialRegion() throws Exception {
    FakeAws.Handler gov = r -> Keys.GOV.equals(r.keyId()) && r.region().startsWith("us-gov-")
        ? callerIdentity("arn:aws-us-gov:iam::" + ACCOUNT + ":user/gov", "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)
        : FakeAws.invalidClientTokenId();
    try (FakeAws aws = new FakeAws(gov)) {
      Workstation w = new Workstation(home)
          .credentials("[gov]\naws_access_key_id = " + Keys.GOV + "\naws_secret_access_key = " + Keys.GOV_SECRET
              + "\nx_principal_arn = arn:aws-us-gov:iam::" + ACCOUNT + ":user/gov\n")
          .config("[profile gov]\nregion = us-east-1\n")
          .env("AWS_PROFILE", "gov");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      assertThat(probe(b, "primary").partition()).isEqualTo("aws");
      assertThat(probe(b, "primary").errorCode()).isEqualTo("InvalidClientTokenId");
      StsProbe other = probe(b, "partition");
      assertThat(other.signingRegion()).isEqualTo("us-gov-west-1");
      assertThat(other.partition()).isEqualTo("aws-us-gov");
      assertThat(other.ok()).isTrue();
      assertThat(other.callerPartition()).isEqualTo("aws-us-gov");
    }
  }

  @Test
  void regionWhereStsIsDeactivated() throws Exception {
    FakeAws.Handler disabled = r -> "eu-west-3".equals(r.region()) ? FakeAws.regionDisabled(ACCOUNT)
        : callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT);
    try (FakeAws aws = new FakeAws(disabled)) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "eu-west-3");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      assertThat(probe(b, "primary").errorCode()).isEqualTo("RegionDisabledException");
      assertThat(probe(b, "primary").errorMessage()).startsWith("STS is not activated in this region");
      assertThat(probe(b, "default-region").ok()).isTrue();
    }
  }

  @Test
  void clockSkewFromTheDateHeader() throws Exception {
    try (FakeAws aws = new FakeAws(r -> FakeAws.signatureDoesNotMatch()).dateOffset(java.time.Duration.ofMinutes(20))) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      assertThat(probe(b, "primary").errorCode()).isEqualTo("SignatureDoesNotMatch");
      assertThat(b.clock().skewSeconds()).isBetween(-1205L, -1195L);
      assertThat(b.clock().serverTime()).isNotNull();
      assertThat(String.valueOf(b.clock().serverTimeOrigin())).isEqualTo("STS us-east-1 Date header");
    }
  }

  @Test
  void staleEndpointUrlInTheProfile() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))))) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .config("[default]\nregion = us-east-1\nendpoint_url = http://localhost:4566\n");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      assertThat(b.endpoints()).singleElement().satisfies(e -> {
        assertThat(e.effective()).isTrue();
        assertThat(e.host()).isEqualTo("localhost");
        assertThat(e.awsHost()).isFalse();
        assertThat(String.valueOf(e.origin())).isEqualTo("~/.aws/config:3 [default] endpoint_url");
        assertThat(e.service()).isEqualTo("all");
      });
      // --sts-endpoint wins for the tool's own calls: the keys themselves work.
      assertThat(probe(b, "primary").ok()).isTrue();
      assertThat(b.options().stsEndpoint()).isEqualTo(aws.uri().toString());
    }
  }

  @Test
  void noCredentialsAtAll() throws Exception {
    Workstation w = new Workstation(home);
    FactBundle b = w.collect(Keys.at(java.net.URI.create("http://127.0.0.1:9")));
    assertThat(b.credentials()).hasSize(3).allSatisfy(c -> assertThat(c.found()).isFalse());
    assertThat(b.files()).allSatisfy(f -> assertThat(f.exists()).isFalse());
    assertThat(b.profile().name()).isEqualTo("default");
    assertThat(b.profile().inCredentialsFile()).isFalse();
    assertThat(run(b, "sts").status()).isEqualTo("skipped");
    assertThat(b.stsProbes()).isEmpty();
    assertThat(b.host().awsDirectoryExists()).isFalse();
    assertThat(b.regions()).allSatisfy(r -> assertThat(r.missing()).isTrue());
  }

  @Test
  void offlineSkipsEveryNetworkCall() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of()))) {
      Workstation w = new Workstation(home).env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET);
      FactBundle b = w.collect(new CollectRequest(null, null, null, "admin", true, aws.uri(), null, null, null, null, null));
      assertThat(aws.requests()).isEmpty();
      assertThat(run(b, "sts").status()).isEqualTo("skipped");
      assertThat(run(b, "sts").detail()).contains("--offline");
      assertThat(run(b, "verification").status()).isEqualTo("skipped");
      assertThat(run(b, "clock").status()).isEqualTo("skipped");
      assertThat(b.clock().skewSeconds()).isNull();
      assertThat(b.options().offline()).isTrue();
    }
  }

  static String firstFinding(String json) throws Exception {
    var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    return node.path("findings").path(0).path("id").asText(null);
  }
}
