package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.BAD;
import static dev.tokendoctor.collect.Keys.BAD_SECRET;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static dev.tokendoctor.collect.Keys.TEMP;
import static dev.tokendoctor.collect.Keys.TEMP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.StsProbe;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12, point 4 and the probing half of point 6: each distinct set of credentials the clients on a machine
 * would send is probed once, and each probe says which clients it speaks for; the profile that environment keys
 * override is tried once. Real files, the real SDK client, the loopback STS.
 */
class PerClientProbesTest {
  static final FakeAws.Handler GOOD_ONLY = FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT)));

  static final String RULES = Path.of("rules").toAbsolutePath().toString();

  @TempDir Path home;

  /** {@code doctor} on the machine, against the loopback STS and this checkout's rules. */
  static Workstation.Run doctor(Workstation w, FakeAws aws, String... more) {
    List<String> args = new java.util.ArrayList<>(List.of("doctor", "--sts-endpoint", aws.uri().toString(), "--rules", RULES));
    args.addAll(List.of(more));
    return w.run(args.toArray(String[]::new));
  }

  static StsProbe probe(FactBundle b, String purpose) {
    return b.stsProbes().stream().filter(p -> p.purpose().equals(purpose)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + purpose + " probe in " + b.stsProbes()));
  }

  /** The profile of the issue: old static keys in the credentials file shadow the credential_process in config for the CLI. */
  Workstation shadowedProcess() throws Exception {
    Workstation w = new Workstation(home);
    return w.credentials("[corp]\naws_access_key_id = " + BAD + "\naws_secret_access_key = " + BAD_SECRET + "\n")
        .config("[profile corp]\nregion = us-east-1\ncredential_process = " + w.script("creds", "echo '{\"Version\": 1, \"AccessKeyId\": \""
            + GOOD + "\", \"SecretAccessKey\": \"" + GOOD_SECRET + "\"}'") + "\n")
        .env("AWS_PROFILE", "corp");
  }

  @Test
  void eachDistinctCredentialSetIsProbedOnceForTheClientsThatSendIt() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      FactBundle b = shadowedProcess().collect(Keys.at(aws.uri()));
      StsProbe mine = probe(b, "primary");
      assertThat(mine.ok()).isTrue();
      assertThat(mine.clients()).containsExactly("java-sdk-v2");
      assertThat(mine.provider()).isEqualTo("profile-process");
      assertThat(mine.profile()).isEqualTo("corp");
      StsProbe cli = probe(b, "client");
      assertThat(cli.failed()).isTrue();
      assertThat(cli.clients()).containsExactly("botocore", "cli-v2");
      assertThat(cli.provider()).isEqualTo("profile-static");
      assertThat(cli.keyId()).isEqualTo("AKIA…ZK5N");
      assertThat(cli.credentialSet()).isNotEqualTo(mine.credentialSet()).hasSize(16);
      // Two sets, two calls: the CLI and botocore share one; the refused one is not repeated anywhere.
      assertThat(FakeAws.actions(aws.requests())).containsExactly("sts:GetCallerIdentity@us-east-1", "sts:GetCallerIdentity@us-east-1");
      assertThat(aws.requests().stream().filter(r -> BAD.equals(r.keyId()))).hasSize(1);
    }
  }

  @Test
  void theIssuesCaseIsNoLongerOkAndTheReportSaysWhichClientFails() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      Workstation.Run r = doctor(shadowedProcess(), aws, "--format", "text");
      assertThat(r.out()).as(r.out()).doesNotContain("OK:").doesNotContain("No problem found")
          .contains("Static keys in profile corp are sent by botocore (boto3, AWS CLI v1) and the AWS CLI v2")
          .contains("AWS refused the static keys AKIA…ZK5N that botocore (boto3, AWS CLI v1) and the AWS CLI v2 send")
          .contains("the AWS SDK for Java v2 sends AKIA…ZK5N (profile-process), which AWS accepts");
      assertThat(r.exitCode()).isEqualTo(1);
      // Named as the failing client, the CLI's view is the primary one: the same cause, from its own probe.
      Workstation.Run cli = doctor(shadowedProcess(), aws, "--format", "json",
          "--client", "aws-cli");
      assertThat(cli.out()).contains("STATIC_KEYS_SHADOW_PROVIDER");
      assertThat(cli.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void clientsThatAgreeShareOneProbe() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      FactBundle b = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .config("[default]\nregion = eu-west-1\n").collect(Keys.at(aws.uri()));
      assertThat(b.stsProbes()).singleElement().satisfies(p -> {
        assertThat(p.primary()).isTrue();
        assertThat(p.clients()).containsExactlyInAnyOrder("java-sdk-v2", "botocore", "cli-v2");
        assertThat(p.provider()).isEqualTo("profile-static");
      });
      assertThat(aws.requests()).hasSize(1);
    }
  }

  @Test
  void aPastedRefusalWithCredentialsThatWorkHereSaysTheFailingProcessUsedOthers() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      Workstation w = new Workstation(home).env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1");
      Workstation.Run r = doctor(w, aws, "--format", "text", "--error",
          "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.");
      assertThat(r.out()).as(r.out()).contains("These credentials work now; the process that failed used others")
          .contains("AWS accepts them now as " + Keys.userArn("alice"));
      assertThat(r.exitCode()).isEqualTo(1);
    }
  }

  @Test
  void theOverriddenProfileIsTriedOnceAndTellsWhetherTheOverrideIsTheCause() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      Workstation w = new Workstation(home)
          .credentials("[dev]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .config("[profile dev]\nregion = us-east-1\n")
          .env("AWS_PROFILE", "dev").env("AWS_ACCESS_KEY_ID", BAD).env("AWS_SECRET_ACCESS_KEY", BAD_SECRET);
      FactBundle b = w.collect(Keys.at(aws.uri()));
      StsProbe own = probe(b, "profile");
      assertThat(own.ok()).isTrue();
      assertThat(own.clients()).isEmpty();
      assertThat(own.profile()).isEqualTo("dev");
      assertThat(own.provider()).isEqualTo("profile-static");
      assertThat(b.stsProbes()).extracting(StsProbe::purpose).containsExactly("primary", "profile");
      Workstation.Run r = doctor(w, aws, "--format", "text");
      assertThat(r.out()).startsWith("PROBLEM: Access keys in the environment override the profile you selected")
          .contains("the profile's own credentials (AKIA…ZK5N, profile-static) are accepted");

      // The environment's key is temporary and comes without its token: that fault comes first.
      w.env("AWS_ACCESS_KEY_ID", TEMP).env("AWS_SECRET_ACCESS_KEY", TEMP_SECRET);
      Workstation.Run asia = doctor(w, aws, "--format", "json");
      assertThat(asia.out().indexOf("SESSION_TOKEN_MISSING")).as(asia.out()).isNotNegative()
          .isLessThan(asia.out().indexOf("ENV_OVERRIDES_PROFILE"));
    }
  }

  @Test
  void noProfileProbeWhenTheEnvironmentKeysWork() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      FactBundle b = new Workstation(home)
          .credentials("[dev]\naws_access_key_id = " + BAD + "\naws_secret_access_key = " + BAD_SECRET + "\n")
          .env("AWS_PROFILE", "dev").env("AWS_ACCESS_KEY_ID", GOOD).env("AWS_SECRET_ACCESS_KEY", GOOD_SECRET).env("AWS_REGION", "us-east-1")
          .collect(Keys.at(aws.uri()));
      assertThat(b.stsProbes()).extracting(StsProbe::purpose).containsExactly("primary");
      assertThat(aws.requests()).hasSize(1);
    }
  }

  @Test
  void anEndpointThatDoesNotAnswerIsNotAskedAgainForTheOtherClients() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY).silent()) {
      var limits = new CollectRequest.Limits(Duration.ofMillis(300), Duration.ofMillis(400), Duration.ofSeconds(3), Duration.ofSeconds(5));
      FactBundle b = shadowedProcess().collect(new CollectRequest(null, null, null, null, false, aws.uri(), null, null, null, null, limits));
      assertThat(b.stsProbes()).extracting(StsProbe::purpose).containsExactly("primary");
      assertThat(b.stsProbes().get(0).outcome()).isIn("timeout", "unreachable");
      assertThat(b.collectors()).anySatisfy(c -> {
        assertThat(c.name()).isEqualTo("sts");
        assertThat(c.status()).isEqualTo("unreachable");
      });
    }
  }

  @Test
  void whenTheFailingClientHasNothingToProbeWithTheOthersAreStillProbedAndTheUnknownIsSaid() throws Exception {
    try (FakeAws aws = new FakeAws(GOOD_ONLY)) {
      Workstation w = new Workstation(home);
      FactBundle b = w.credentials("[corp]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .config("[profile corp]\nregion = us-east-1\ncredential_process = " + w.script("broken", "exit 3") + "\n")
          .env("AWS_PROFILE", "corp").collect(Keys.at(aws.uri()));
      assertThat(b.stsProbes()).singleElement().satisfies(p -> {
        assertThat(p.purpose()).isEqualTo("client");
        assertThat(p.clients()).containsExactly("botocore", "cli-v2");
        assertThat(p.ok()).isTrue();
      });
      assertThat(b.collectors()).anySatisfy(r -> {
        assertThat(r.name()).isEqualTo("sts");
        assertThat(r.status()).isEqualTo("partial");
        assertThat(r.detail()).contains("java-sdk-v2").contains("only the other clients' credentials were probed");
      });
    }
  }

  @Test
  void offlineMakesNoProbeForAnyClient() throws Exception {
    FactBundle b = shadowedProcess().collect(Keys.offline());
    assertThat(b.stsProbes()).isEmpty();
    assertThat(List.copyOf(b.credentials())).extracting(c -> c.provider())
        .containsExactlyInAnyOrder("profile-process", "profile-static", "profile-static");
  }
}
