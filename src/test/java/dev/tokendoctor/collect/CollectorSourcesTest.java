package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.CollectorScenariosTest.effective;
import static dev.tokendoctor.collect.CollectorScenariosTest.probe;
import static dev.tokendoctor.collect.CollectorScenariosTest.run;
import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static dev.tokendoctor.collect.Keys.TEMP;
import static dev.tokendoctor.collect.Keys.TEMP_SECRET;
import static dev.tokendoctor.collect.Keys.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CredentialExpiry;
import dev.tokendoctor.facts.FileAnomaly;
import dev.tokendoctor.facts.ProfileProperty;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each source of facts on its own: expiry fields, file quirks, caches, credential_process, slow networks. */
class CollectorSourcesTest {
  @TempDir Path home;

  static ProfileProperty property(FactBundle b, String section, String key) {
    return b.properties().stream().filter(p -> p.section().equals(section) && p.key().equals(key)).findFirst().orElseThrow();
  }

  static List<String> anomalyKinds(FactBundle b) {
    return b.anomalies().stream().map(FileAnomaly::kind).toList();
  }

  // ------------------------------------------------------------------ expiry, from each source

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "x_security_token_expires | 2026-01-01T10:00:00-06:00 | 2026-01-01T16:00:00Z",
      "aws_expiration | 2026-01-01T16:00:00.000Z | 2026-01-01T16:00:00Z",
      "aws_credential_expiration | 2026-01-01T16:00:00+00:00 | 2026-01-01T16:00:00Z",
      "aws_session_expiration | 2026-01-01T16:00:00+0000 | 2026-01-01T16:00:00Z",
      "expiration | 2026-01-01 16:00:00 | 2026-01-01T16:00:00Z"})
  void expiredCredentialsInTheCredentialsFile(String field, String raw, String utc) throws Exception {
    try (FakeAws aws = new FakeAws(r -> FakeAws.expiredToken())) {
      Workstation w = new Workstation(home).credentials("[dev]\naws_access_key_id = " + TEMP + "\naws_secret_access_key = "
          + TEMP_SECRET + "\naws_session_token = " + TOKEN + "\n" + field + " = " + raw + "\n").env("AWS_PROFILE", "dev");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      CredentialExpiry e = b.expiries().stream().filter(x -> x.field().equals(field)).findFirst().orElseThrow();
      assertThat(e.expiresAt()).isEqualTo(Instant.parse(utc));
      assertThat(e.forEffectiveCredentials()).isTrue();
      assertThat(e.appliesTo()).isEqualTo("dev");
      assertThat(String.valueOf(e.origin())).isEqualTo("~/.aws/credentials:5 [dev] " + field);
      assertThat(e.raw()).isEqualTo(raw);
      assertThat(b.clock().isPast(e.expiresAt())).isTrue();
      assertThat(probe(b, "primary").errorCode()).isEqualTo("ExpiredToken");
      assertThat(effective(b).provider()).isEqualTo("profile-session");
    }
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource(delimiter = '|', value = {
      "AWS_CREDENTIAL_EXPIRATION | 2026-01-01T16:00:00Z | 2026-01-01T16:00:00Z",
      "AWS_SESSION_EXPIRATION | 2026-01-01T16:00:00Z | 2026-01-01T16:00:00Z",
      "AWS_SSO_SESSION_EXPIRATION | 2026-01-01T17:00:00+01:00 | 2026-01-01T16:00:00Z",
      "AWSUME_EXPIRATION | 2026-01-01T16:00:00 | 2026-01-01T16:00:00Z"})
  void expiredCredentialsInTheEnvironment(String variable, String raw, String utc) throws Exception {
    Workstation w = new Workstation(home).env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
        .env("AWS_SESSION_TOKEN", TOKEN).env(variable, raw);
    FactBundle b = w.collect(Keys.offline());
    CredentialExpiry e = b.expiries().stream().filter(x -> x.field().equals(variable)).findFirst().orElseThrow();
    assertThat(String.valueOf(e.origin())).isEqualTo("env " + variable);
    assertThat(e.expiresAt()).isEqualTo(Instant.parse(utc));
    assertThat(e.forEffectiveCredentials()).isTrue();
    assertThat(e.appliesTo()).isEqualTo("environment");
    assertThat(b.environment()).anySatisfy(v -> {
      assertThat(v.name()).isEqualTo(variable);
      assertThat(v.value().shown()).isEqualTo(raw);
    });
  }

  @Test
  void expiredAssumeRoleCredentialsInTheCliCache() throws Exception {
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/deploy";
    String hash = Hashes.sha1("{\"RoleArn\": \"" + roleArn + "\"}");
    Workstation w = new Workstation(home)
        .credentials("[base]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
        .config("[profile deploy]\nrole_arn = " + roleArn + "\nsource_profile = base\n")
        .file(".aws/cli/cache/" + hash + ".json", "{\"Credentials\": {\"AccessKeyId\": \"" + TEMP + "\", \"SecretAccessKey\": \""
            + TEMP_SECRET + "\", \"SessionToken\": \"" + TOKEN + "\", \"Expiration\": \"2026-01-01T16:00:00UTC\", \"AccountId\": \""
            + ACCOUNT + "\"}, \"AssumedRoleUser\": {\"AssumedRoleId\": \"AROA123EXAMPLE123:botocore-session-1\", \"Arn\": \"arn:aws:sts::"
            + ACCOUNT + ":assumed-role/deploy/botocore-session-1\"}, \"ResponseMetadata\": {}}")
        .env("AWS_PROFILE", "deploy");
    FactBundle b = w.collect(new CollectRequest(null, null, null, null, true, null, null, null, "aws-cli", "2.17.0", null));
    assertThat(b.cachedCredentials()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("assume-role");
      assertThat(e.profile()).isEqualTo("deploy");
      assertThat(e.expiration()).isEqualTo(Instant.parse("2026-01-01T16:00:00Z"));
      assertThat(e.keyId().prefix()).isEqualTo("ASIA");
      assertThat(e.accountId()).isEqualTo(ACCOUNT);
    });
    var eff = effective(b);
    assertThat(eff.client()).isEqualTo("cli-v2");
    assertThat(eff.provider()).isEqualTo("profile-assume-role");
    assertThat(String.valueOf(eff.keyIdOrigin())).startsWith("~/.aws/cli/cache/" + hash + ".json");
    CredentialExpiry e = b.expiries().stream().filter(x -> x.field().equals("Credentials.Expiration")).findFirst().orElseThrow();
    assertThat(e.forEffectiveCredentials()).isTrue();
    assertThat(e.raw()).isEqualTo("2026-01-01T16:00:00UTC");
  }

  @Test
  void awsLoginCache() throws Exception {
    String hash = Hashes.sha256("my-login");
    Workstation w = new Workstation(home)
        .config("[profile web]\nlogin_session = my-login\nregion = us-east-1\n")
        .file(".aws/login/cache/" + hash + ".json", "{\"accessToken\": {\"accessKeyId\": \"" + TEMP + "\", \"secretAccessKey\": \""
            + TEMP_SECRET + "\", \"sessionToken\": \"" + TOKEN + "\", \"accountId\": \"" + ACCOUNT
            + "\", \"expiresAt\": \"2026-01-01T16:00:00Z\"}, \"refreshToken\": \"rt-" + TEMP_SECRET + "\", \"clientId\": \"arn:aws:signin:::devtools/same-device\"}")
        .env("AWS_PROFILE", "web");
    FactBundle b = w.collect(Keys.offline());
    assertThat(b.cachedCredentials()).singleElement().satisfies(e -> {
      assertThat(e.kind()).isEqualTo("login");
      assertThat(e.profile()).isEqualTo("web");
    });
    assertThat(effective(b).provider()).isEqualTo("login");
    assertThat(b.expiries()).anySatisfy(e -> {
      assertThat(e.field()).isEqualTo("accessToken.expiresAt");
      assertThat(e.forEffectiveCredentials()).isTrue();
    });
  }

  @Test
  void expiredSsoCacheAndAClientRegistrationThatIsNotAToken() throws Exception {
    Workstation w = new Workstation(home)
        .config("[profile dev]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\nsso_role_name = Dev\nregion = us-east-1\n"
            + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n")
        .file(".aws/sso/cache/" + Hashes.sha1("corp") + ".json", "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"us-east-1\", "
            + "\"accessToken\": \"aoa" + TOKEN + "\", \"expiresAt\": \"2026-01-01T16:00:00Z\", \"clientId\": \"cid-123456789\", "
            + "\"clientSecret\": \"cs-" + GOOD_SECRET + "\", \"registrationExpiresAt\": \"2027-01-01T00:00:00Z\", \"refreshToken\": \"rt-" + TEMP_SECRET + "\"}")
        .file(".aws/sso/cache/botocore-client-id-us-east-1.json", "{\"clientId\": \"cid-123456789\", \"clientSecret\": \"cs2-"
            + GOOD_SECRET + "\", \"expiresAt\": \"2027-01-01T00:00:00Z\"}")
        .env("AWS_PROFILE", "dev");
    FactBundle b = w.collect(Keys.offline());
    assertThat(b.ssoTokens()).singleElement().satisfies(t -> {
      assertThat(t.sessionName()).isEqualTo("corp");
      assertThat(t.startUrl()).isEqualTo("https://corp.awsapps.com/start");
      assertThat(t.expiresAt()).isEqualTo(Instant.parse("2026-01-01T16:00:00Z"));
      assertThat(t.hasRefreshToken()).isTrue();
      assertThat(t.registrationExpiresAt()).isEqualTo(Instant.parse("2027-01-01T00:00:00Z"));
    });
    assertThat(effective(b).provider()).isEqualTo("profile-sso");
    assertThat(run(b, "sso-cache").status()).isEqualTo("ok");
  }

  // ------------------------------------------------------------------ file quirks

  @Test
  void quotesBomCrlfAndWhitespaceInTheCredentialsFile() throws Exception {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    String text = "[default]\r\naws_access_key_id = \"" + GOOD + "\"\r\naws_secret_access_key = " + GOOD_SECRET + "  \r\n"
        + "[dev]\r\naws_access_key_id=" + GOOD + " # rotated\r\n\taws_secret_access_key = " + GOOD_SECRET + "\r\n"
        + "[dev]\r\nregion = us-east-1\r\n";
    byte[] content = new byte[bom.length + text.length()];
    System.arraycopy(bom, 0, content, 0, 3);
    System.arraycopy(text.getBytes(StandardCharsets.US_ASCII), 0, content, 3, text.length());
    Workstation w = new Workstation(home).bytes(".aws/credentials", content)
        .config("region = us-east-1\n[default]\nregion = us-west-2\n[default]\noutput = json\n");
    FactBundle b = w.collect(Keys.offline());
    var creds = b.files().stream().filter(f -> f.credentialsFile()).findFirst().orElseThrow();
    assertThat(creds.encoding()).isEqualTo("utf-8-bom");
    assertThat(creds.lineEndings()).isEqualTo("crlf");
    assertThat(creds.sdkParseError()).isNotNull();
    assertThat(creds.sdkParseErrorLine()).isEqualTo(1);
    ProfileProperty key = property(b, "default", "aws_access_key_id");
    assertThat(key.value().quoted()).isTrue();
    assertThat(key.value().length()).isEqualTo(22);
    assertThat(key.value().trimmedLength()).isEqualTo(20);
    assertThat(key.value().carriageReturn()).isFalse();
    ProfileProperty secret = property(b, "default", "aws_secret_access_key");
    assertThat(secret.value().trailingWhitespace()).isTrue();
    assertThat(secret.value().leadingWhitespace()).isFalse();
    assertThat(anomalyKinds(b)).contains("BOM", "CRLF", "INLINE_COMMENT", "TAB_INDENTED_KEY", "DUPLICATE_SECTION",
        "PROPERTY_BEFORE_SECTION");
    FileAnomaly dup = b.anomalies().stream().filter(a -> a.kind().equals("DUPLICATE_SECTION") && a.file().equals("credentials")).findFirst().orElseThrow();
    assertThat(dup.line()).isEqualTo(7);
    assertThat(dup.firstLine()).isEqualTo(4);
    assertThat(b.anomalies()).anySatisfy(a -> {
      assertThat(a.kind()).isEqualTo("TAB_INDENTED_KEY");
      assertThat(a.key()).isEqualTo("aws_secret_access_key");
      assertThat(String.valueOf(a.origin())).isEqualTo("~/.aws/credentials:6");
    });
    // The inline comment is part of the value as written, so it fingerprints differently; the SDK for Java
    // cannot read the file at all (the BOM), nor can botocore.
    assertThat(property(b, "dev", "aws_access_key_id").value().fingerprint()).isNotEqualTo(key.value().fingerprint());
    assertThat(CollectorScenariosTest.client(b, "java-sdk-v2").error()).contains("cannot parse ~/.aws/credentials");
    assertThat(CollectorScenariosTest.client(b, "botocore").error()).contains("botocore cannot parse");
  }

  @Test
  void sameKeyQuotedAndUnquotedHasOneFingerprint() throws Exception {
    Workstation w = new Workstation(home)
        .credentials("[a]\naws_access_key_id = \"" + GOOD + "\"\n[b]\naws_access_key_id = " + GOOD + "\n");
    FactBundle b = w.collect(Keys.offline());
    assertThat(property(b, "a", "aws_access_key_id").value().fingerprint())
        .isEqualTo(property(b, "b", "aws_access_key_id").value().fingerprint());
  }

  @Test
  void utf16FileAndSectionHeaderMistakes() throws Exception {
    Workstation w = new Workstation(home)
        .bytes(".aws/credentials", ("\uFEFF[default]\r\naws_access_key_id = " + GOOD + "\r\n").getBytes(StandardCharsets.UTF_16LE))
        .config("[dev]\nregion = us-east-1\n[profile prod]\nregion = eu-west-1\n");
    // A UTF-16LE BOM written by hand: FF FE then the text.
    byte[] raw = java.nio.file.Files.readAllBytes(home.resolve(".aws/credentials"));
    assertThat(raw[0] & 0xff).isEqualTo(0xFF);
    FactBundle b = w.collect(Keys.offline());
    var creds = b.files().stream().filter(f -> f.credentialsFile()).findFirst().orElseThrow();
    assertThat(creds.encoding()).isEqualTo("utf-16le");
    assertThat(anomalyKinds(b)).contains("UTF16", "BARE_SECTION_IN_CONFIG");
    assertThat(b.sections()).anySatisfy(s -> {
      assertThat(s.header()).isEqualTo("dev");
      assertThat(s.ignored()).isTrue();
      assertThat(String.valueOf(s.origin())).isEqualTo("~/.aws/config:1 [dev]");
    });
  }

  @Test
  void filesWhereTheEnvironmentPointsAndProfilePrefixInCredentials() throws Exception {
    Workstation w = new Workstation(home)
        .file("elsewhere/creds", "[profile dev]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
        .env("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds")
        .env("AWS_CONFIG_FILE", home.resolve("missing/config").toString())
        .env("AWS_PROFILE", "dev");
    FactBundle b = w.collect(Keys.offline());
    assertThat(b.files()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo("credentials");
      assertThat(f.path()).isEqualTo("~/elsewhere/creds");
      assertThat(String.valueOf(f.pathSource())).isEqualTo("env AWS_SHARED_CREDENTIALS_FILE");
      assertThat(f.exists()).isTrue();
    });
    assertThat(b.files()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo("config");
      assertThat(f.exists()).isFalse();
    });
    assertThat(anomalyKinds(b)).contains("PROFILE_PREFIX_IN_CREDENTIALS");
    assertThat(b.profile().missingEverywhere()).isTrue();
    assertThat(b.profile().similarNames()).contains("profile dev");
  }

  @Test
  void servicesSectionEndpointAndNestedSettings() throws Exception {
    Workstation w = new Workstation(home)
        .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
        .config("[default]\nregion = us-east-1\nservices = local\n[services local]\nsts =\n  endpoint_url = http://127.0.0.1:4566\n");
    FactBundle b = w.collect(Keys.offline());
    assertThat(property(b, "local", "sts.endpoint_url").sectionType()).isEqualTo("services");
    assertThat(b.endpoints()).singleElement().satisfies(e -> {
      assertThat(e.service()).isEqualTo("sts");
      assertThat(e.url()).isEqualTo("http://127.0.0.1:4566");
      assertThat(e.effective()).isTrue();
    });
  }

  @Test
  void profileDefaultBesideDefaultIsNotADuplicateButARepeatedHeaderIs() throws Exception {
    Workstation w = new Workstation(home)
        .config("[default]\nregion = us-east-1\n[profile default]\noutput = json\n[profile a]\nregion = eu-west-1\n"
            + "region = eu-west-2\n[profile a]\noutput = text\n");
    FactBundle b = w.collect(Keys.offline());
    assertThat(b.anomalies()).filteredOn(a -> a.kind().equals("DUPLICATE_SECTION")).singleElement()
        .satisfies(a -> assertThat(a.section()).isEqualTo("a"));
    assertThat(b.anomalies()).filteredOn(a -> a.kind().equals("DUPLICATE_KEY")).singleElement().satisfies(a -> {
      assertThat(a.key()).isEqualTo("region");
      assertThat(a.line()).isEqualTo(7);
      assertThat(a.firstLine()).isEqualTo(6);
    });
  }

  @Test
  void anExpiredTokenNeedsNoRegionProbes() throws Exception {
    try (FakeAws aws = new FakeAws(r -> FakeAws.expiredToken())) {
      Workstation w = new Workstation(home).env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
          .env("AWS_SESSION_TOKEN", TOKEN).env("AWS_REGION", "eu-west-1");
      FactBundle b = w.collect(Keys.at(aws.uri()));
      assertThat(b.stsProbes()).singleElement().satisfies(p -> assertThat(p.errorCode()).isEqualTo("ExpiredToken"));
    }
  }

  // ------------------------------------------------------------------ credential_process

  @Test
  void failingCredentialProcess() throws Exception {
    Path fails = new Workstation(home).script("vault-login", "echo 'not json: " + GOOD_SECRET + "'\nexit 3");
    Workstation w = new Workstation(home)
        .config("[profile dev]\ncredential_process = " + fails + " --password hunter2hunter2\nregion = us-east-1\n")
        .env("AWS_PROFILE", "dev");
    FactBundle b = w.collect(Keys.at(java.net.URI.create("http://127.0.0.1:9")));
    assertThat(b.credentialProcesses()).singleElement().satisfies(p -> {
      assertThat(p.program()).isEqualTo("vault-login");
      assertThat(p.exitCode()).isEqualTo(3);
      assertThat(p.validJson()).isFalse();
      assertThat(p.succeeded()).isFalse();
      assertThat(String.valueOf(p.origin())).isEqualTo("~/.aws/config:2 [dev] credential_process");
    });
    assertThat(effective(b).provider()).isEqualTo("profile-process");
    assertThat(effective(b).found()).isFalse();
    assertThat(b.toString()).doesNotContain("hunter2hunter2").doesNotContain(GOOD_SECRET);
  }

  @Test
  void credentialProcessThatWorksAndOneThatHangs() throws Exception {
    Workstation w = new Workstation(home);
    Path ok = w.script("creds", "echo '{\"Version\": 1, \"AccessKeyId\": \"" + TEMP + "\", \"SecretAccessKey\": \"" + TEMP_SECRET
        + "\", \"SessionToken\": \"" + TOKEN + "\", \"Expiration\": \"2026-01-01T16:00:00Z\"}'");
    Path hangs = w.script("hangs", "sleep 30");
    w.config("[profile ok]\ncredential_process = " + ok + "\n[profile slow]\ncredential_process = " + hangs + "\n");
    try (FakeAws aws = new FakeAws(r -> TEMP.equals(r.keyId()) && r.hasToken() ? FakeAws.expiredToken() : FakeAws.invalidClientTokenId())) {
      FactBundle b = w.collect(Keys.profile(aws.uri(), "ok"));
      assertThat(b.credentialProcesses()).singleElement().satisfies(p -> {
        assertThat(p.succeeded()).isTrue();
        assertThat(p.hasToken()).isTrue();
        assertThat(p.expiration()).isEqualTo(Instant.parse("2026-01-01T16:00:00Z"));
        assertThat(p.keyId().prefix()).isEqualTo("ASIA");
      });
      assertThat(effective(b).provider()).isEqualTo("profile-process");
      assertThat(probe(b, "primary").errorCode()).isEqualTo("ExpiredToken");
      assertThat(b.expiries()).anySatisfy(e -> assertThat(e.forEffectiveCredentials()).isTrue());
    }
    CollectRequest slow = new CollectRequest("slow", null, null, null, false, null, null, null, null, null,
        new CollectRequest.Limits(Duration.ofMillis(300), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(500)));
    FactBundle b = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> w.collect(slow));
    assertThat(b.credentialProcesses()).singleElement().satisfies(p -> {
      assertThat(p.timedOut()).isTrue();
      assertThat(p.exitCode()).isNull();
    });
  }

  // ------------------------------------------------------------------ the network cannot hang the tool

  @Test
  void anUnresponsiveServerCannotHangTheTool() throws Exception {
    try (FakeAws silent = new FakeAws(r -> FakeAws.invalidClientTokenId()).silent()) {
      Workstation w = new Workstation(home)
          .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_SESSION_TOKEN", TOKEN)
          .env("AWS_REGION", "af-south-1");
      // Default limits: the promise is "a few seconds at worst"; this only guards against a hang.
      FactBundle b = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> w.collect(Keys.at(silent.uri())));
      assertThat(probe(b, "primary").outcome()).isEqualTo("timeout");
      assertThat(b.stsProbes()).allSatisfy(p -> assertThat(p.outcome()).isIn("timeout", "unreachable"));
      assertThat(CollectorScenariosTest.run(b, "sts").status()).isIn("unreachable", "partial");
      long total = b.stsProbes().stream().mapToLong(p -> p.elapsedMillis()).sum();
      assertThat(total).isLessThanOrEqualTo(CollectRequest.Limits.DEFAULT.networkBudget().toMillis() + 1000);
    }
  }

  @Test
  void theInstanceMetadataServiceIsNotAskedOnAnInjectedMachine() throws Exception {
    FactBundle b = new Workstation(home).collect(Keys.at(java.net.URI.create("http://127.0.0.1:9")));
    assertThat(CollectorScenariosTest.effective(b).error()).contains("the EC2 instance metadata service was not queried");
  }

  @Test
  void aClosedPortIsUnreachable() throws Exception {
    Workstation w = new Workstation(home).env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET);
    FactBundle b = w.collect(Keys.at(java.net.URI.create("http://127.0.0.1:9")));
    assertThat(probe(b, "primary").outcome()).isEqualTo("unreachable");
    assertThat(probe(b, "primary").errorMessage()).isEqualTo("the connection was refused");
    // Not a finding (no network is not a credentials problem), but an unknown the report names.
    assertThat(CollectorScenariosTest.run(b, "sts").status()).isEqualTo("unreachable");
    assertThat(CollectorScenariosTest.run(b, "sts").detail())
        .isEqualTo("no STS endpoint answered; http://127.0.0.1:9: the connection was refused");
    assertThat(CollectorScenariosTest.run(b, "sts").ok()).isFalse();
  }

  // ------------------------------------------------------------------ verification and ticket

  @Test
  void verifyWithOtherCredentials() throws Exception {
    Instant created = Instant.now().truncatedTo(ChronoUnit.SECONDS).minus(Duration.ofDays(90));
    FakeAws.Handler iam = r -> {
      if (Keys.ADMIN.equals(r.keyId())) {
        return switch (r.action()) {
          case "GetAccessKeyInfo" -> FakeAws.accessKeyInfo(ACCOUNT);
          case "GetCallerIdentity" -> callerIdentity(Keys.userArn("admin"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT);
          case "ListUsers" -> FakeAws.listUsers(ACCOUNT, "admin", "ci");
          case "ListAccessKeys" -> "ci".equals(r.params().get("UserName"))
              ? FakeAws.listAccessKeys("ci", created, Map.of(Keys.BAD, "Inactive"))
              : FakeAws.listAccessKeys("admin", created, Map.of(Keys.ADMIN, "Active"));
          default -> FakeAws.error(400, "InvalidAction", "unknown action");
        };
      }
      return FakeAws.invalidClientTokenId();
    };
    try (FakeAws aws = new FakeAws(iam)) {
      Workstation w = new Workstation(home)
          .credentials("[admin]\naws_access_key_id = " + Keys.ADMIN + "\naws_secret_access_key = " + Keys.ADMIN_SECRET + "\n")
          .env("AWS_ACCESS_KEY_ID", Keys.BAD).env("AWS_SECRET_ACCESS_KEY", Keys.BAD_SECRET).env("AWS_REGION", "us-east-1");
      FactBundle b = w.collect(new CollectRequest(null, null, ACCOUNT, "admin", false, aws.uri(), null, null, null, null, null));
      assertThat(b.verifications()).singleElement().satisfies(v -> {
        assertThat(v.keyId()).isEqualTo("AKIA…ZK5N");
        assertThat(v.verifiedWith()).isEqualTo("admin");
        assertThat(v.keyAccount()).isEqualTo(ACCOUNT);
        assertThat(v.status()).isEqualTo("Inactive");
        assertThat(v.userName()).isEqualTo("ci");
        assertThat(v.createDate()).isEqualTo(created);
        assertThat(v.error()).isNull();
      });
      assertThat(run(b, "verification").status()).isEqualTo("ok");
      assertThat(aws.requests()).anySatisfy(r -> {
        assertThat(r.service()).isEqualTo("iam");
        assertThat(r.action()).isEqualTo("ListAccessKeys");
      });
      assertThat(b.ticket().expectedAccount()).isEqualTo(ACCOUNT);
    }
  }

  @Test
  void ticketErrorTextIsParsedAndScrubbed() throws Exception {
    String pasted = "aws-cli/2.15.30 Python/3.11.8 Linux/6.5 exe/x86_64\n"
        + "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: "
        + "The security token included in the request is invalid.\naws_secret_access_key=" + GOOD_SECRET
        + " key " + GOOD;
    Workstation w = new Workstation(home);
    FactBundle b = w.collect(new CollectRequest(null, null, null, null, true, null, null, pasted, null, null, null));
    assertThat(b.ticket().errorCode()).isEqualTo("InvalidClientTokenId");
    assertThat(b.ticket().operation()).isEqualTo("GetCallerIdentity");
    assertThat(b.ticket().service()).isEqualTo("sts");
    assertThat(b.ticket().clientTool()).isEqualTo("aws-cli");
    assertThat(b.ticket().clientVersion()).isEqualTo("2.15.30");
    assertThat(b.ticket().errorText()).doesNotContain(GOOD_SECRET).doesNotContain(GOOD).contains("AKIA…ZK5N");

    var java = new CollectRequest(null, null, null, null, true, null, null,
        "software.amazon.awssdk.services.sts.model.StsException: The security token included in the request is expired "
            + "(Service: Sts, Status Code: 403, Request ID: 1b2c)", null, null, null);
    FactBundle j = w.collect(java);
    assertThat(j.ticket().service()).isEqualTo("sts");
    assertThat(j.ticket().errorCode()).as("the Java SDK v2 prints only AWS's message, which names the code").isEqualTo("ExpiredToken");
    assertThat(j.ticket().clientTool()).isEqualTo("aws-sdk-java-v2");
    var go = new CollectRequest(null, null, null, null, true, null, null,
        "operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: x, api error ExpiredToken: The security token included in the request is expired",
        null, null, null);
    FactBundle g = w.collect(go);
    assertThat(g.ticket().errorCode()).isEqualTo("ExpiredToken");
    assertThat(g.ticket().operation()).isEqualTo("GetCallerIdentity");
  }

  @Test
  void aCollectorThatCannotReadAFileSaysSo() throws Exception {
    Workstation w = new Workstation(home);
    java.nio.file.Files.createDirectories(home.resolve(".aws/credentials"));
    FactBundle b = w.collect(Keys.offline());
    assertThat(run(b, "files").status()).isEqualTo("partial");
    assertThat(b.files()).anySatisfy(f -> {
      assertThat(f.kind()).isEqualTo("credentials");
      assertThat(f.readable()).isFalse();
    });
    assertThat(b.profile().inCredentialsFile()).isNull();
  }

}
