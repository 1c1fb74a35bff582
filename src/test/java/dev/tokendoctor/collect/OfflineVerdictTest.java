package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OK needs proof: offline, only a machine whose collectors all ran and found nothing wrong is ok; STS that
 * cannot be reached proves nothing.
 */
class OfflineVerdictTest {
  @TempDir Path home;

  private Workstation healthy() throws Exception {
    return new Workstation(home)
        .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
        .config("[default]\nregion = us-east-1\n");
  }

  @Test
  void aHealthyMachineOfflineIsOkBecauseEveryCollectorRan() throws Exception {
    Workstation.Run r = healthy().run("doctor", "--offline", "--format", "json", "--rules", Path.of("rules").toAbsolutePath().toString());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.at("/verdict/status").asText()).as(r.out()).isEqualTo("ok");
    assertThat(report.at("/verdict/headline").asText()).contains("offline", "every collector ran");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void stsThatCannotBeReachedProvesNothing() throws Exception {
    // A loopback port nobody listens on: the probe gets no answer at all.
    Workstation.Run r = healthy().run("doctor", "--sts-endpoint", "http://127.0.0.1:9", "--format", "json",
        "--rules", Path.of("rules").toAbsolutePath().toString());
    JsonNode report = new ObjectMapper().readTree(r.out());
    assertThat(report.at("/verdict/status").asText()).as(r.out()).isEqualTo("insufficient");
    assertThat(report.at("/verdict/notKnown").toString()).contains("whether AWS accepts the credentials");
    assertThat(r.exitCode()).isEqualTo(1);
  }
}
