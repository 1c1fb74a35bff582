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
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import dev.tokendoctor.engine.KnowledgeBases;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * End to end: a machine in each state of issue 3, collected against the loopback STS and diagnosed the way
 * {@code doctor} does it (the bundle's JSON read back, then the knowledge base, compiled once for all states),
 * and the cause that should come first. A state whose cause has no rule in the rules folder yet is skipped (the rules are written
 * in parallel); once its rule exists the assertion applies. {@code -Dtokendoctor.rules=DIR} points at another
 * rules folder.
 */
class DoctorPutsTheCauseFirstTest {
  static final Path RULES = Path.of(System.getProperty("tokendoctor.rules", "rules"));
  static final FakeAws.Handler GOOD_ONLY = FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)));

  @TempDir Path home;

  /** One machine state: how to build it, how STS answers, extra options, and the causes acceptable first. */
  record State(String name, Setup setup, FakeAws.Handler sts, List<String> options, Set<String> first) {
    @Override
    public String toString() {
      return name;
    }
  }

  interface Setup {
    void on(Workstation w) throws IOException;
  }

  static State state(String name, Set<String> first, FakeAws.Handler sts, Setup setup, String... options) {
    return new State(name, setup, sts, List.of(options), first);
  }

  static Stream<State> states() {
    return Stream.of(
        state("env keys override the profile", Set.of("ENV_OVERRIDES_PROFILE"), GOOD_ONLY, w -> w
            .credentials("[dev]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
            .config("[profile dev]\nregion = us-east-1\n")
            .env("AWS_PROFILE", "dev").env("AWS_ACCESS_KEY_ID", BAD).env("AWS_SECRET_ACCESS_KEY", BAD_SECRET)),
        state("wrong profile name", Set.of("PROFILE_NOT_FOUND"), GOOD_ONLY, w -> w
            .credentials("[production]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
            .env("AWS_PROFILE", "prodution").env("AWS_REGION", "us-east-1").env("AWS_DEFAULT_REGION", "us-east-1")),
        state("ASIA key without its token", Set.of("SESSION_TOKEN_MISSING"), GOOD_ONLY, w -> w
            .env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET).env("AWS_REGION", "us-east-1")),
        state("stale token on an AKIA key", Set.of("SESSION_TOKEN_STALE"),
            r -> GOOD.equals(r.keyId()) && !r.hasToken() ? callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)
                : FakeAws.invalidClientTokenId(), w -> w
            .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_SESSION_TOKEN", TOKEN)
            .env("AWS_REGION", "us-east-1")),
        state("expired creds (x_security_token_expires)", Set.of("TEMP_CREDENTIALS_EXPIRED"), r -> FakeAws.expiredToken(), w -> w
            .credentials("[saml]\naws_access_key_id = " + TEMP + "\naws_secret_access_key = " + TEMP_SECRET + "\naws_session_token = "
                + TOKEN + "\nx_security_token_expires = 2026-01-01T10:00:00-06:00\n")
            .config("[profile saml]\nregion = us-east-1\n").env("AWS_PROFILE", "saml")),
        state("expired creds (AWS_CREDENTIAL_EXPIRATION)", Set.of("TEMP_CREDENTIALS_EXPIRED"), r -> FakeAws.invalidClientTokenId(), w -> w
            .env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET).env("AWS_SESSION_TOKEN", TOKEN)
            .env("AWS_CREDENTIAL_EXPIRATION", "2026-01-01T00:00:00Z").env("AWS_REGION", "us-east-1")),
        state("expired creds (credential_process Expiration)", Set.of("TEMP_CREDENTIALS_EXPIRED", "CREDENTIAL_PROCESS_FAILED"),
            r -> FakeAws.expiredToken(), w -> w
            .config("[profile proc]\nregion = us-east-1\ncredential_process = " + w.script("creds", "echo '{\"Version\": 1, \"AccessKeyId\": \""
                + TEMP + "\", \"SecretAccessKey\": \"" + TEMP_SECRET + "\", \"SessionToken\": \"" + TOKEN
                + "\", \"Expiration\": \"2026-01-01T00:00:00Z\"}'") + "\n")
            .env("AWS_PROFILE", "proc")),
        state("opt-in region fails where us-east-1 works", Set.of("REGION_NOT_ENABLED", "GLOBAL_STS_TOKEN_IN_OPT_IN_REGION"),
            r -> "af-south-1".equals(r.region()) ? FakeAws.invalidClientTokenId() : callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT),
            w -> w.credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
                .config("[default]\nregion = af-south-1\n")),
        state("GovCloud key sent to a commercial region", Set.of("PARTITION_MISMATCH"),
            r -> Keys.GOV.equals(r.keyId()) && r.region().startsWith("us-gov-")
                ? callerIdentity("arn:aws-us-gov:iam::" + ACCOUNT + ":user/gov", "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT) : FakeAws.invalidClientTokenId(),
            w -> w.credentials("[gov]\naws_access_key_id = " + Keys.GOV + "\naws_secret_access_key = " + Keys.GOV_SECRET
                    + "\nx_principal_arn = arn:aws-us-gov:iam::" + ACCOUNT + ":user/gov\n")
                .config("[profile gov]\nregion = us-east-1\n").env("AWS_PROFILE", "gov")),
        state("clock skew", Set.of("CLOCK_SKEW"), null, w -> w
            .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1")),
        state("stale endpoint_url", Set.of("ENDPOINT_OVERRIDE_ACTIVE"), GOOD_ONLY, w -> w
            .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
            .config("[default]\nregion = us-east-1\nendpoint_url = http://localhost:4566\n")),
        state("quoted key in the credentials file", Set.of("KEY_QUOTED"), GOOD_ONLY, w -> w
            .credentials("[default]\naws_access_key_id = \"" + GOOD + "\"\naws_secret_access_key = " + GOOD_SECRET + "\n")
            .config("[default]\nregion = us-east-1\n")),
        // The AWS CLI sends the CR (the Java SDK would trim it): the signature cannot match.
        state("CR at the end of the secret", Set.of("KEY_WHITESPACE_OR_INVISIBLE", "SECRET_KEY_MISMATCH"), r -> FakeAws.signatureDoesNotMatch(), w -> w
            .env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET + "\r").env("AWS_REGION", "us-east-1")
            .env("AWS_DEFAULT_REGION", "us-east-1"), "client=aws-cli"),
        state("BOM in the credentials file", Set.of("CREDENTIALS_FILE_MALFORMED"), GOOD_ONLY, w -> w
            .bytes(".aws/credentials", ("\uFEFF[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
            .config("[default]\nregion = us-east-1\n")),
        state("expired SSO cache", Set.of("SSO_SESSION_EXPIRED"), GOOD_ONLY, w -> w
            .config("[profile dev]\nsso_session = corp\nsso_account_id = " + ACCOUNT + "\nsso_role_name = Dev\nregion = us-east-1\n"
                + "[sso-session corp]\nsso_start_url = https://corp.awsapps.com/start\nsso_region = us-east-1\n")
            .file(".aws/sso/cache/" + Hashes.sha1("corp") + ".json", "{\"startUrl\": \"https://corp.awsapps.com/start\", \"region\": \"us-east-1\", "
                + "\"accessToken\": \"aoa-access\", \"expiresAt\": \"2026-01-01T00:00:00Z\"}")
            .env("AWS_PROFILE", "dev")),
        state("failing credential_process", Set.of("CREDENTIAL_PROCESS_FAILED"), GOOD_ONLY, w -> w
            .config("[profile proc]\nregion = us-east-1\ncredential_process = " + w.script("broken", "echo 'session expired, run login' >&2\nexit 2") + "\n")
            .env("AWS_PROFILE", "proc")),
        state("no credentials at all", Set.of("NO_CREDENTIALS_FOUND"), GOOD_ONLY, w -> w.env("AWS_REGION", "us-east-1")),
        state("STS deactivated in the region", Set.of("STS_REGION_DEACTIVATED"),
            r -> "eu-west-3".equals(r.region()) ? FakeAws.regionDisabled(ACCOUNT) : callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT),
            w -> w.env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "eu-west-3")),
        state("credentials of another account", Set.of("WRONG_ACCOUNT"),
            r -> callerIdentity("arn:aws:iam::999988887777:user/alice", "AIDACKCEVSQ6C2EXAMPLE", "999988887777"),
            w -> w.env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1")
                .env("AWS_DEFAULT_REGION", "us-east-1"),
            "expect=" + ACCOUNT),
        state("deactivated key, proven with --verify-with", Set.of("KEY_INACTIVE_OR_DELETED"), r -> {
              if (!Keys.ADMIN.equals(r.keyId())) {
                return FakeAws.invalidClientTokenId();
              }
              return switch (r.action()) {
                case "GetAccessKeyInfo" -> FakeAws.accessKeyInfo(ACCOUNT);
                case "ListUsers" -> FakeAws.listUsers(ACCOUNT, "ci");
                case "ListAccessKeys" -> FakeAws.listAccessKeys("ci", java.time.Instant.parse("2025-01-01T00:00:00Z"), Map.of(BAD, "Inactive"));
                default -> callerIdentity(Keys.userArn("admin"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT);
              };
            }, w -> w
            .credentials("[admin]\naws_access_key_id = " + Keys.ADMIN + "\naws_secret_access_key = " + Keys.ADMIN_SECRET + "\n")
            .env("AWS_ACCESS_KEY_ID", BAD).env("AWS_SECRET_ACCESS_KEY", BAD_SECRET).env("AWS_REGION", "us-east-1"), "verify=admin"),
        state("legacy AWS_SECURITY_TOKEN holds another token", Set.of("LEGACY_SECURITY_TOKEN_VAR"), r -> FakeAws.invalidClientTokenId(), w -> w
            .env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET).env("AWS_SESSION_TOKEN", TOKEN)
            .env("AWS_SECURITY_TOKEN", "FwoGZXIvYXdzEOLDTOKEN" + "x".repeat(200)).env("AWS_REGION", "us-east-1").env("AWS_DEFAULT_REGION", "us-east-1"),
            "client=boto3"),
        state("AWS's documented example key", Set.of("PLACEHOLDER_VALUE"), r -> FakeAws.invalidClientTokenId(), w -> w
            .credentials("[default]\naws_access_key_id = AKIAIOSFODNN7EXAMPLE\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n")
            .config("[default]\nregion = us-east-1\n")),
        state("a user id pasted as the key id", Set.of("NOT_AN_ACCESS_KEY_ID"), r -> FakeAws.invalidClientTokenId(), w -> w
            .env("AWS_ACCESS_KEY_ID", "AIDACKCEVSQ6C2EXAMPLE").env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1")),
        state("key id and secret swapped", Set.of("KEY_AND_SECRET_SWAPPED"), r -> FakeAws.invalidClientTokenId(), w -> w
            .credentials("[default]\naws_access_key_id = " + GOOD_SECRET + "\naws_secret_access_key = " + GOOD + "\n")
            .config("[default]\nregion = us-east-1\n")),
        state("[profile x] in the credentials file", Set.of("PROFILE_PREFIX_IN_CREDENTIALS_FILE", "PROFILE_NOT_FOUND"), GOOD_ONLY, w -> w
            .credentials("[profile dev]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
            .config("[profile dev]\nregion = us-east-1\n"), "profile=dev"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("states")
  void doctorPutsTheRightCauseFirst(State s) throws Exception {
    List<String> missing = s.first().stream().filter(id -> !ruleExists(id)).toList();
    assumeTrue(missing.size() < s.first().size(), "no rule yet for " + s.first());
    FakeAws.Handler handler = s.sts() != null ? s.sts() : r -> FakeAws.signatureDoesNotMatch();
    try (FakeAws aws = new FakeAws(handler)) {
      if (s.name().equals("clock skew")) {
        aws.dateOffset(Duration.ofMinutes(20));
      }
      Workstation w = new Workstation(home);
      s.setup().on(w);
      Map<String, String> o = new java.util.HashMap<>();
      for (String opt : s.options()) {
        o.put(opt.substring(0, opt.indexOf('=')), opt.substring(opt.indexOf('=') + 1));
      }
      FactCollector collector = new FactCollector();
      var bundle = collector.collect(w.machine(), new CollectRequest(o.get("profile"), null, o.get("expect"), o.get("verify"),
          false, aws.uri(), null, o.get("error"), o.get("client"), null, null));
      var codec = new BundleCodec();
      var buf = new ByteArrayOutputStream();
      codec.write(bundle, buf);
      var read = codec.read(buf.toByteArray(), "collected", warning -> { });
      Diagnosis d = diagnoser().diagnose(read);
      assertThat(d.findingIds()).as(s.name() + ": " + d.findingIds() + "\n" + buf).isNotEmpty();
      assertThat(d.findingIds().get(0)).as(s.name() + ": " + d.findingIds()).isIn(s.first());
      assertThat(collector.secrets().leaksInto(buf.toString(StandardCharsets.UTF_8))).isFalse();
    }
  }

  private static Diagnoser diagnoser;

  static synchronized Diagnoser diagnoser() throws Exception {
    if (diagnoser == null) {
      diagnoser = new Diagnoser(KnowledgeBases.open(RULES.toAbsolutePath(), Map.of(), RULES.toAbsolutePath(),
          KnowledgeBaseMemo.NONE));
    }
    return diagnoser;
  }

  @ParameterizedTest(name = "healthy machine")
  @MethodSource("healthy")
  void aHealthyMachineIsFine(String ignored) throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .config("[default]\nregion = us-east-1\n");
      Workstation.Run r = w.run("doctor", "--sts-endpoint", aws.uri().toString(), "--format", "json",
          "--rules", RULES.toAbsolutePath().toString());
      JsonNode report = new ObjectMapper().readTree(r.out());
      assertThat(r.exitCode()).as(r.out()).isZero();
      assertThat(report.at("/verdict/status").asText(report.path("verdict").toString())).contains("ok");
    }
  }

  static Stream<String> healthy() {
    return Stream.of("default profile with working keys");
  }

  static boolean ruleExists(String id) {
    try (Stream<Path> files = Files.walk(RULES)) {
      return files.anyMatch(p -> p.getFileName().toString().equals(id + ".drl"));
    } catch (IOException e) {
      return false;
    }
  }
}
