package dev.tokendoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** doctor = collect + diagnose: a bundle made by collect diagnoses exactly as doctor does on the same machine. */
class CollectThenDiagnoseTest {
  @TempDir Path home;

  @Test
  void diagnosingACollectedBundleGivesWhatDoctorGives() throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of()))) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = \"" + Keys.GOOD + "\"\naws_secret_access_key = " + Keys.GOOD_SECRET + "\n")
          .env("AWS_ACCESS_KEY_ID", Keys.TEMP).env("AWS_SECRET_ACCESS_KEY", Keys.TEMP_SECRET).env("AWS_REGION", "us-east-1");
      String sts = aws.uri().toString();
      Workstation.Run collect = w.run("collect", "--sts-endpoint", sts, "-o", "bundle.json");
      assertThat(collect.exitCode()).as(collect.err()).isZero();
      assertThat(collect.out()).isEmpty();
      Workstation.Run diagnose = w.run("diagnose", home.resolve("bundle.json").toString(), "--format", "json");
      Workstation.Run doctor = w.run("doctor", "--sts-endpoint", sts, "--format", "json", "--save-bundle", "saved.json");
      assertThat(doctor.exitCode()).isEqualTo(diagnose.exitCode()).isEqualTo(1);
      JsonNode a = new ObjectMapper().readTree(diagnose.out());
      JsonNode b = new ObjectMapper().readTree(doctor.out());
      assertThat(a.get("findings")).isNotEmpty();
      assertThat(b.get("findings")).isEqualTo(a.get("findings"));
      assertThat(b.get("checks")).isEqualTo(a.get("checks"));
      assertThat(b.get("verdict")).isEqualTo(a.get("verdict"));
      assertThat(b.get("unknowns")).isEqualTo(a.get("unknowns"));
      // And the bundle doctor saved diagnoses the same too.
      Workstation.Run saved = w.run("diagnose", home.resolve("saved.json").toString(), "--format", "json");
      assertThat(new ObjectMapper().readTree(saved.out()).get("findings")).isEqualTo(b.get("findings"));
    }
  }

  @Test
  void badOptionsAreBadUsage() throws Exception {
    Workstation w = new Workstation(home);
    Workstation.Run r = w.run("collect", "--sts-endpoint", "not a url");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).startsWith("tokendoctor: error: --sts-endpoint must be an http:// or https:// URL").doesNotContain("\n");
    Workstation.Run acct = w.run("doctor", "--offline", "--expect-account", "12345");
    assertThat(acct.exitCode()).isEqualTo(2);
    assertThat(acct.err()).contains("--expect-account must be a 12-digit account id");
  }

  @Test
  void bothCommandsExplainTheirOptions() {
    Workstation w = new Workstation(home);
    for (String command : new String[] {"doctor", "collect"}) {
      Workstation.Run r = w.run(command, "--help");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).contains("--sts-endpoint", "--verify-with", "--offline", "--error", "--expect-account");
    }
    assertThat(w.run("doctor", "--help").out()).contains("--save-bundle", "--rules", "--format");
    assertThat(w.run("collect", "--help").out()).contains("-o, --output");
  }

  @Test
  void collectWritesABundleToStandardOutputByDefault() throws Exception {
    Workstation w = new Workstation(home).env("AWS_REGION", "eu-west-1");
    Workstation.Run r = w.run("collect", "--offline");
    assertThat(r.exitCode()).isZero();
    JsonNode bundle = new ObjectMapper().readTree(r.out());
    assertThat(bundle.get("schemaVersion").asInt()).isEqualTo(1);
    assertThat(bundle.at("/options/offline").asBoolean()).isTrue();
    assertThat(bundle.get("collectors")).isNotEmpty();
    assertThat(bundle.get("ticket")).isNull();
  }

  @Test
  void ticketOptionsReachTheBundle() throws Exception {
    Workstation w = new Workstation(home);
    Workstation.Run r = w.run("collect", "--offline", "--worked-before", "--client", "Boto3", "--client-version", "1.34.0",
        "--expect-account", Keys.ACCOUNT, "--error", "An error occurred (ExpiredToken) when calling the ListBuckets operation: expired");
    JsonNode t = new ObjectMapper().readTree(r.out()).get("ticket");
    assertThat(t.get("workedBefore").asBoolean()).isTrue();
    assertThat(t.get("clientTool").asText()).isEqualTo("boto3");
    assertThat(t.get("clientVersion").asText()).isEqualTo("1.34.0");
    assertThat(t.get("expectedAccount").asText()).isEqualTo(Keys.ACCOUNT);
    assertThat(t.get("errorCode").asText()).isEqualTo("ExpiredToken");
    assertThat(t.get("service").asText()).isEqualTo("s3");
    // The ticket names botocore: its view is the effective one.
    JsonNode creds = new ObjectMapper().readTree(r.out()).get("credentials");
    boolean botocoreEffective = false;
    for (JsonNode c : creds) {
      if (c.path("effective").asBoolean()) {
        botocoreEffective = c.get("client").asText().equals("botocore");
      }
    }
    assertThat(botocoreEffective).isTrue();
  }
}
