package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.BAD;
import static dev.tokendoctor.collect.Keys.BAD_SECRET;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static dev.tokendoctor.collect.Keys.GOV;
import static dev.tokendoctor.collect.Keys.GOV_SECRET;
import static dev.tokendoctor.collect.Keys.TEMP;
import static dev.tokendoctor.collect.Keys.TEMP_SECRET;
import static dev.tokendoctor.collect.Keys.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 12, point 1: a rule may only require evidence the probe plan can produce for the configuration at hand.
 * Every cause whose rule depends on the STS probes, on a machine whose failing client's region is each kind of
 * region (us-east-1, where the primary probe is the default-region evidence; another commercial region; an
 * opt-in region; GovCloud), collected against the loopback STS the way {@code doctor} does, and the cause that
 * must come first. The fake STS plays one consistent world: each key belongs to a partition, the account has
 * (or has not) enabled the opt-in region, temporary keys need their token. A combination that cannot exist
 * (a cause that by definition needs an opt-in region, STS deactivated in us-east-1) is listed with the reason,
 * and the nearest machine in that region is diagnosed to show the cause is not concluded there.
 */
class ProbeRegionMatrixTest {
  @TempDir Path home;

  /** The kinds of region the failing client's settings can send the primary probe to. */
  enum RegionKind {
    US_EAST_1("us-east-1"), COMMERCIAL("eu-west-1"), OPT_IN("af-south-1"), GOVCLOUD("us-gov-west-1");

    final String region;

    RegionKind(String region) {
      this.region = region;
    }

    boolean gov() {
      return this == GOVCLOUD;
    }

    /** A key that exists in this region's partition, and its secret. */
    String good() {
      return gov() ? GOV : GOOD;
    }

    String goodSecret() {
      return gov() ? GOV_SECRET : GOOD_SECRET;
    }
  }

  /** The probe-dependent causes the matrix covers (every rule that asks for a particular probe, or a probe's clients). */
  static final List<String> CAUSES = List.of("KEY_ID_NOT_FOUND", "KEY_INACTIVE_OR_DELETED", "SESSION_TOKEN_MISSING", "SESSION_TOKEN_STALE",
      "SESSION_TOKEN_FROM_OTHER_SOURCE", "TEMP_CREDENTIALS_EXPIRED", "ENV_OVERRIDES_PROFILE", "STATIC_KEYS_SHADOW_PROVIDER",
      "PROFILE_VAR_CONFLICT", "CLIENTS_DISAGREE", "CREDENTIALS_WORK_NOW", "PARTITION_MISMATCH", "STS_REGION_DEACTIVATED",
      "REGION_NOT_ENABLED", "GLOBAL_STS_TOKEN_IN_OPT_IN_REGION");

  /**
   * One cell of the matrix.
   *
   * @param impossible why this cause cannot happen in this kind of region; {@code null} when it can
   */
  record Cell(String cause, RegionKind kind, World world, Setup setup, List<String> options, String impossible) {
    @Override
    public String toString() {
      return cause + " × " + kind.region + (impossible == null ? "" : " (cannot happen: " + impossible + ")");
    }
  }

  interface Setup {
    void on(Workstation w, RegionKind k) throws IOException;
  }

  /** The AWS the fake STS plays: which keys exist where, and what the account has switched on or off. */
  static final class World implements FakeAws.Handler {
    final Map<String, String> keys = new HashMap<>();
    final Set<String> expired = new HashSet<>();
    final Set<String> globalTokens = new HashSet<>();
    final Set<String> stsDeactivatedIn = new HashSet<>();
    /** Keys that were deactivated: unknown to STS, listed Inactive by IAM. */
    final Set<String> inactive = new HashSet<>();
    boolean optInEnabled = true;

    World key(String keyId, RegionKind kind) {
      keys.put(keyId, partition(kind.region));
      return this;
    }

    @Override
    public FakeAws.Response answer(FakeAws.Request r) {
      if (stsDeactivatedIn.contains(r.region())) {
        return FakeAws.regionDisabled(ACCOUNT);
      }
      String p = keys.get(r.keyId());
      boolean optIn = r.region().equals("af-south-1") || r.region().equals("ap-east-1");
      boolean temporary = r.keyId() != null && r.keyId().startsWith("ASIA");
      if (p == null || !p.equals(partition(r.region())) || (optIn && !optInEnabled) || temporary != r.hasToken()
          || (optIn && globalTokens.contains(r.keyId()))) {
        return FakeAws.invalidClientTokenId();
      }
      if (expired.contains(r.keyId())) {
        return FakeAws.expiredToken();
      }
      switch (r.action() == null ? "" : r.action()) {
        case "GetAccessKeyInfo":
          return FakeAws.accessKeyInfo(ACCOUNT);
        case "ListUsers":
          return FakeAws.listUsers(ACCOUNT, "ci");
        case "ListAccessKeys":
          Map<String, String> listed = new HashMap<>();
          inactive.forEach(k -> listed.put(k, "Inactive"));
          return FakeAws.listAccessKeys("ci", java.time.Instant.parse("2025-01-01T00:00:00Z"), listed);
        default:
          break;
      }
      String arnPartition = p.equals("gov") ? "aws-us-gov" : "aws";
      return FakeAws.callerIdentity("arn:" + arnPartition + ":iam::" + ACCOUNT + ":user/" + r.keyId().substring(4, 8).toLowerCase(),
          "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT);
    }

    static String partition(String region) {
      return region.startsWith("us-gov-") ? "gov" : "aws";
    }
  }

  static Cell cell(String cause, RegionKind kind, World world, Setup setup, String... options) {
    return new Cell(cause, kind, world, setup, List.of(options), null);
  }

  static Cell impossible(String cause, RegionKind kind, String why, World world, Setup setup) {
    return new Cell(cause, kind, world, setup, List.of(), why);
  }

  /** Region settings every client reads the same way (the Java SDK reads AWS_REGION, botocore AWS_DEFAULT_REGION). */
  static Workstation region(Workstation w, RegionKind k) {
    return w.env("AWS_REGION", k.region).env("AWS_DEFAULT_REGION", k.region);
  }

  static Stream<Cell> matrix() {
    List<Cell> out = new ArrayList<>();
    for (RegionKind k : RegionKind.values()) {
      out.add(cell("KEY_ID_NOT_FOUND", k, new World().key(k.good(), k), (w, r) ->
          region(w, r).env("AWS_ACCESS_KEY_ID", BAD).env("AWS_SECRET_ACCESS_KEY", BAD_SECRET)));
      // --verify-with admin: working credentials look the refused key up and find it Inactive.
      World deactivatedKey = new World().key(k.good(), k);
      deactivatedKey.inactive.add(BAD);
      out.add(cell("KEY_INACTIVE_OR_DELETED", k, deactivatedKey, (w, r) -> region(w, r)
          .credentials("[admin]\naws_access_key_id = " + r.good() + "\naws_secret_access_key = " + r.goodSecret() + "\n")
          .config("[profile admin]\nregion = " + r.region + "\n")
          .env("AWS_ACCESS_KEY_ID", BAD).env("AWS_SECRET_ACCESS_KEY", BAD_SECRET), "verify=admin"));
      out.add(cell("SESSION_TOKEN_MISSING", k, new World().key(TEMP, k), (w, r) ->
          region(w, r).env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)));
      out.add(cell("SESSION_TOKEN_STALE", k, new World().key(k.good(), k), (w, r) ->
          region(w, r).env("AWS_ACCESS_KEY_ID", r.good()).env("AWS_SECRET_ACCESS_KEY", r.goodSecret()).env("AWS_SESSION_TOKEN", TOKEN)));
      // The fake cannot read tokens, so the key is refused with any: the token of another issuance.
      out.add(cell("SESSION_TOKEN_FROM_OTHER_SOURCE", k, new World(), (w, r) -> region(w, r)
          .credentials("[default]\naws_access_key_id = " + TEMP + "\naws_secret_access_key = " + TEMP_SECRET
              + "\naws_session_token = FwoGZXIvYXdzEOTHERTOKEN" + "y".repeat(180) + "\n")
          .env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET).env("AWS_SESSION_TOKEN", TOKEN)));
      World expired = new World().key(TEMP, k);
      expired.expired.add(TEMP);
      out.add(cell("TEMP_CREDENTIALS_EXPIRED", k, expired, (w, r) -> region(w, r)
          .env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET).env("AWS_SESSION_TOKEN", TOKEN)
          .env("AWS_CREDENTIAL_EXPIRATION", "2026-01-01T00:00:00Z")));
      out.add(cell("ENV_OVERRIDES_PROFILE", k, new World().key(k.good(), k), (w, r) -> w
          .credentials("[dev]\naws_access_key_id = " + r.good() + "\naws_secret_access_key = " + r.goodSecret() + "\n")
          .config("[profile dev]\nregion = " + r.region + "\n")
          .env("AWS_PROFILE", "dev").env("AWS_ACCESS_KEY_ID", BAD).env("AWS_SECRET_ACCESS_KEY", BAD_SECRET)));
      // The Java SDK runs credential_process (it works); the CLI and boto3 send the old static keys.
      out.add(cell("STATIC_KEYS_SHADOW_PROVIDER", k, new World().key(k.good(), k), (w, r) -> w
          .credentials("[corp]\naws_access_key_id = " + BAD + "\naws_secret_access_key = " + BAD_SECRET + "\n")
          .config("[profile corp]\nregion = " + r.region + "\ncredential_process = " + w.script("creds", "echo '{\"Version\": 1, \"AccessKeyId\": \""
              + r.good() + "\", \"SecretAccessKey\": \"" + r.goodSecret() + "\"}'") + "\n")
          .env("AWS_PROFILE", "corp")));
      // The Java SDK and the CLI v2 take AWS_PROFILE (works); boto3 and the CLI v1 take AWS_DEFAULT_PROFILE (refused).
      out.add(cell("PROFILE_VAR_CONFLICT", k, new World().key(k.good(), k), (w, r) -> w
          .credentials("[work]\naws_access_key_id = " + r.good() + "\naws_secret_access_key = " + r.goodSecret()
              + "\n[old]\naws_access_key_id = " + BAD + "\naws_secret_access_key = " + BAD_SECRET + "\n")
          .config("[profile work]\nregion = " + r.region + "\n[profile old]\nregion = " + r.region + "\n")
          .env("AWS_PROFILE", "work").env("AWS_DEFAULT_PROFILE", "old")));
      // --profile dev: the CLI and botocore skip the environment keys (they send dev's, refused); the Java SDK
      // keeps the environment's (accepted). No rule says why; the clients disagree.
      out.add(cell("CLIENTS_DISAGREE", k, new World().key(k.good(), k), (w, r) -> region(w, r)
          .credentials("[dev]\naws_access_key_id = " + BAD + "\naws_secret_access_key = " + BAD_SECRET + "\n")
          .env("AWS_ACCESS_KEY_ID", r.good()).env("AWS_SECRET_ACCESS_KEY", r.goodSecret()), "profile=dev"));
      out.add(cell("CREDENTIALS_WORK_NOW", k, new World().key(k.good(), k), (w, r) -> region(w, r)
          .env("AWS_ACCESS_KEY_ID", r.good()).env("AWS_SECRET_ACCESS_KEY", r.goodSecret()),
          "error=An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid."));
      // Keys of the other partition, with a hint of it on the machine (the profile's x_principal_arn).
      RegionKind other = k.gov() ? RegionKind.US_EAST_1 : RegionKind.GOVCLOUD;
      out.add(cell("PARTITION_MISMATCH", k, new World().key(other.good(), other), (w, r) -> w
          .credentials("[p]\naws_access_key_id = " + other.good() + "\naws_secret_access_key = " + other.goodSecret()
              + "\nx_principal_arn = arn:" + (other.gov() ? "aws-us-gov" : "aws") + ":iam::" + ACCOUNT + ":user/x\n")
          .config("[profile p]\nregion = " + r.region + "\n").env("AWS_PROFILE", "p")));
      World deactivated = new World().key(k.good(), k);
      deactivated.stsDeactivatedIn.add(k.region);
      Setup envKeys = (w, r) -> region(w, r).env("AWS_ACCESS_KEY_ID", r.good()).env("AWS_SECRET_ACCESS_KEY", r.goodSecret());
      if (k == RegionKind.US_EAST_1) {
        // The nearest real machine: STS deactivated in another region, the client in us-east-1.
        World elsewhere = new World().key(k.good(), k);
        elsewhere.stsDeactivatedIn.add("eu-west-3");
        out.add(impossible("STS_REGION_DEACTIVATED", k, "an account can deactivate STS in every region except us-east-1", elsewhere, envKeys));
      } else {
        out.add(cell("STS_REGION_DEACTIVATED", k, deactivated, envKeys));
      }
      World notEnabled = new World().key(k.good(), k);
      notEnabled.optInEnabled = false;
      Setup defaultProfile = (w, r) -> w
          .credentials("[default]\naws_access_key_id = " + r.good() + "\naws_secret_access_key = " + r.goodSecret() + "\n")
          .config("[default]\nregion = " + r.region + "\n");
      World global = new World().key(TEMP, k);
      global.globalTokens.add(TEMP);
      Setup globalToken = (w, r) -> region(w, r).env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET)
          .env("AWS_SESSION_TOKEN", TOKEN).env("AWS_STS_REGIONAL_ENDPOINTS", "legacy");
      if (k == RegionKind.OPT_IN) {
        out.add(cell("REGION_NOT_ENABLED", k, notEnabled, defaultProfile));
        out.add(cell("GLOBAL_STS_TOKEN_IN_OPT_IN_REGION", k, global, globalToken));
      } else {
        out.add(impossible("REGION_NOT_ENABLED", k, k.region + " is not an opt-in region: it is enabled in every account", notEnabled, defaultProfile));
        out.add(impossible("GLOBAL_STS_TOKEN_IN_OPT_IN_REGION", k, "tokens from the global endpoint are valid in " + k.region
            + ", which is not an opt-in region", global, globalToken));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("matrix")
  void theCauseComesFirstWhereverThePrimaryProbeGoes(Cell cell) throws Exception {
    try (FakeAws aws = new FakeAws(cell.world())) {
      Workstation w = new Workstation(home);
      cell.setup().on(w, cell.kind());
      Map<String, String> o = new HashMap<>();
      for (String opt : cell.options()) {
        o.put(opt.substring(0, opt.indexOf('=')), opt.substring(opt.indexOf('=') + 1));
      }
      FactCollector collector = new FactCollector();
      FactBundle bundle = collector.collect(w.machine(), new CollectRequest(o.get("profile"), null, null, o.get("verify"), false, aws.uri(),
          null, o.get("error"), null, null, null));
      var codec = new BundleCodec();
      var buf = new ByteArrayOutputStream();
      codec.write(bundle, buf);
      Diagnosis d = DoctorPutsTheCauseFirstTest.diagnoser().diagnose(codec.read(buf.toByteArray(), "collected", warning -> { }));
      String seen = cell + ": " + d.findingIds() + "\nprobes: " + FakeAws.actions(aws.requests()) + "\n" + bundle.stsProbes();
      if (cell.impossible() != null) {
        assertThat(d.findingIds()).as("cannot happen (" + cell.impossible() + "), so it must not be concluded: " + seen)
            .doesNotContain(cell.cause());
        return;
      }
      assertThat(d.findingIds()).as(seen).isNotEmpty();
      assertThat(d.findingIds().get(0)).as(seen).isEqualTo(cell.cause());
      assertThat(d.verdict().status()).as(seen).isEqualTo("problem");
      assertThat(collector.secrets().leaksInto(buf.toString(StandardCharsets.UTF_8))).isFalse();
      // The plan is bounded: no call is made twice with the same credentials to the same region.
      List<String> calls = FakeAws.actions(aws.requests());
      assertThat(calls.size()).as(seen).isLessThanOrEqualTo(6);
      assertThat(new HashSet<>(bundle.stsProbes().stream().map(p -> p.credentialSet() + "@" + p.signingRegion() + p.withToken()).toList()))
          .as(seen).hasSize(bundle.stsProbes().size());
    }
  }

  @Test
  void everyCauseHasACellForEveryKindOfRegion() {
    Map<String, Set<RegionKind>> cells = new HashMap<>();
    matrix().forEach(c -> assertThat(cells.computeIfAbsent(c.cause(), x -> new HashSet<>()).add(c.kind()))
        .as("one cell per cause and region kind: " + c).isTrue());
    assertThat(cells.keySet()).containsExactlyInAnyOrderElementsOf(CAUSES);
    cells.forEach((cause, kinds) -> assertThat(kinds).as(cause).containsExactlyInAnyOrder(RegionKind.values()));
    // Only these cannot happen, each for the reason it states.
    assertThat(matrix().filter(c -> c.impossible() != null).map(Cell::toString).map(s -> s.substring(0, s.indexOf(" (")))).containsExactlyInAnyOrder(
        "REGION_NOT_ENABLED × us-east-1", "REGION_NOT_ENABLED × eu-west-1", "REGION_NOT_ENABLED × us-gov-west-1",
        "GLOBAL_STS_TOKEN_IN_OPT_IN_REGION × us-east-1", "GLOBAL_STS_TOKEN_IN_OPT_IN_REGION × eu-west-1",
        "GLOBAL_STS_TOKEN_IN_OPT_IN_REGION × us-gov-west-1", "STS_REGION_DEACTIVATED × us-east-1");
  }
}
