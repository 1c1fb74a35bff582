package dev.tokendoctor.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.diagnosis.Confidence;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.scenario.Scenario;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioRunner;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the sessions vocabulary reads out of origins, and the wording of the temporary-credentials causes where a
 * scenario cannot look: the fix of a leftover token read elsewhere than a token line, and which form of a cause
 * gives the finding its confidence when a variant rule fires first.
 */
class SessionsVocabularyTest {
  static KnowledgeBase kb;
  static RuleSource source;

  @BeforeAll
  static void load() throws Exception {
    source = RuleSource.fromDirectory(Path.of("rules"));
    kb = KnowledgeBaseLoader.load(source);
  }

  /** The finding of {@code cause} on the scenario of its file whose description starts with {@code description}. */
  static Finding findingOn(String cause, String description) throws Exception {
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(kb), Path.of("facts-samples"));
    for (ScenarioFile f : ScenarioRunner.load(source)) {
      for (Scenario s : f.scenarios()) {
        if (cause.equals(f.rule()) && s.description().startsWith(description)) {
          return new Diagnoser(kb).diagnose(runner.bundleOf(s, f.path())).findings().stream().map(RankedFinding::finding)
              .filter(x -> x.id().equals(cause)).findFirst().orElseThrow();
        }
      }
    }
    throw new AssertionError("no scenario of " + cause + " starts with: " + description);
  }

  @Test
  void placesTellTokenLinesAndSourcesApart() {
    assertThat(Places.tokenLineFile("~/.aws/credentials:4 [default] aws_session_token")).isEqualTo("~/.aws/credentials");
    assertThat(Places.tokenLineNumber("~/.aws/credentials:4 [default] aws_session_token")).isEqualTo(4);
    assertThat(Places.tokenLineFile("~/.aws/config:2 [build] credential_process")).isNull();
    assertThat(Places.tokenLineNumber("~/.aws/cli/cache/af4c.json SessionToken")).isNull();
    assertThat(Places.tokenLineFile(null)).isNull();
    assertThat(Places.sourceOf("env AWS_SESSION_TOKEN")).isEqualTo("env");
    assertThat(Places.sourceOf("~/.aws/credentials:2 [saml] aws_access_key_id")).isEqualTo("[saml]");
    assertThat(Places.sourceOf("~/.aws/config:9 [saml] aws_session_token")).isEqualTo("[saml]");
    assertThat(Places.sourceOf("~/.aws/cli/cache/af4c.json AccessKeyId")).isEqualTo("~/.aws/cli/cache/af4c.json");
  }

  @Test
  void aLeftoverTokenFromACacheFileWithNoProfileNeverPrintsProfileNull() throws Exception {
    Finding f = findingOn("SESSION_TOKEN_STALE", "the token comes from a CLI cache file and no profile is known");
    assertThat(f.remediation()).noneMatch(line -> line.contains("null")).contains("$ aws configure list");
  }

  @Test
  void aTokenFromACredentialProcessListsTheProfileInsteadOfDeletingTheProcessLine() throws Exception {
    Finding f = findingOn("SESSION_TOKEN_STALE", "the token comes from profile [build]'s credential_process");
    assertThat(f.remediation()).contains("$ aws configure list --profile build").noneMatch(line -> line.startsWith("$ sed"));
  }

  @Test
  void theOfflineFormGivesItsOwnConfidenceAndTitleWhateverFiresFirst() throws Exception {
    Finding f = findingOn("SESSION_TOKEN_STALE", "offline: no probes");
    assertThat(f.confidence()).isEqualTo(Confidence.MEDIUM);
    assertThat(f.title()).isEqualTo("A long-term (AKIA) key is sent with a session token");
    assertThat(f.supersedes()).containsExactly("KEY_ID_NOT_FOUND");
  }
}
