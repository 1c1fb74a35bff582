package dev.tokendoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.StsProbe;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one definition of "enough facts": which collectors a refusal and an offline ok need. */
class FactCoverageTest {
  private static List<CollectorRun> ran(String... nameStatus) {
    List<CollectorRun> runs = new ArrayList<>();
    for (String ns : nameStatus) {
      String[] p = ns.split("=");
      runs.add(new CollectorRun(p[0], p[1], null));
    }
    return runs;
  }

  private static StsProbe primary(String outcome) {
    return new StsProbe("primary", "https://sts.us-east-1.amazonaws.com", "us-east-1", "aws", false, "AKIA…MPLE",
        outcome, "ok".equals(outcome) ? 200 : 403, "ok".equals(outcome) ? null : "InvalidClientTokenId", null,
        "ok".equals(outcome) ? "arn:aws:iam::111122223333:user/a" : null, null, null, null, 10L, null, null, null, null);
  }

  @Test
  void nothingCollectedIsNeitherJudgeableNorProven() {
    FactCoverage c = FactCoverage.of(List.of(), List.of());
    assertThat(c.enoughToJudge()).isFalse();
    assertThat(c.completeOffline()).isFalse();
    assertThat(c.proven()).isFalse();
    assertThat(c.notKnown()).hasSize(6).last().asString().startsWith("whether AWS accepts");
    assertThat(c.toCollect()).singleElement().asString().contains("tokendoctor collect -o bundle.json");
  }

  @Test
  void theJudgingCollectorsMayBePartialButMustAllHaveRun() {
    assertThat(FactCoverage.of(ran("environment=ok", "files=partial", "resolution=ok"), List.of()).enoughToJudge()).isTrue();
    assertThat(FactCoverage.of(ran("environment=ok", "files=ok"), List.of()).enoughToJudge()).isFalse();
    assertThat(FactCoverage.of(ran("environment=ok", "files=failed", "resolution=ok"), List.of()).enoughToJudge()).isFalse();
  }

  @Test
  void anOfflineOkNeedsEveryLocalCollectorCleanAndOnlyNetworkOnesSkipped() {
    List<CollectorRun> clean = ran("environment=ok", "files=ok", "sso-cache=ok", "cli-cache=ok", "resolution=ok",
        "sts=skipped", "clock=skipped");
    assertThat(FactCoverage.of(clean, List.of()).completeOffline()).isTrue();
    List<CollectorRun> failedProcess = new ArrayList<>(clean);
    failedProcess.add(new CollectorRun("credential-process", "failed", "timed out"));
    assertThat(FactCoverage.of(failedProcess, List.of()).completeOffline()).isFalse();
    assertThat(FactCoverage.of(failedProcess, List.of()).notKnown())
        .contains("what the profile's credential_process returns (failed: timed out)");
    List<CollectorRun> unreachable = new ArrayList<>(clean.subList(0, 5));
    unreachable.add(new CollectorRun("sts", "unreachable", "connection timed out"));
    assertThat(FactCoverage.of(unreachable, List.of()).completeOffline()).isFalse();
    assertThat(FactCoverage.of(ran("environment=ok", "files=ok", "resolution=ok", "sts=skipped"), List.of())
        .completeOffline()).as("the caches were not read").isFalse();
  }

  @Test
  void onlyAnAcceptedPrimaryProbeIsProof() {
    assertThat(FactCoverage.of(List.of(), List.of(primary("ok"))).proven()).isTrue();
    FactCoverage refused = FactCoverage.of(List.of(), List.of(primary("error")));
    assertThat(refused.proven()).isFalse();
    assertThat(refused.refused()).isTrue();
    assertThat(refused.notKnown()).noneMatch(n -> n.startsWith("whether AWS accepts"));
    assertThat(FactCoverage.of(List.of(), List.of(primary("timeout"))).proven()).isFalse();
  }
}
