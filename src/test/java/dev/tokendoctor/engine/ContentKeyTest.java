package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.diagnosis.Score;
import dev.tokendoctor.diagnosis.Superseded;
import dev.tokendoctor.scenario.Scenario;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.kie.api.runtime.KieSession;

/** The diagnoser orders conclusions by {@link ContentKey}: it must be exactly their {@code toString}. */
class ContentKeyTest {
  record Custom(String a) {
    @Override
    public String toString() {
      return "custom " + a;
    }
  }

  record Nested(List<Object> items, Map<String, Object> map, Custom custom, Double d, int[] none) {}

  @Test
  void keyIsTheRecordsOwnTextForEveryConclusionOfEveryScenario() throws Exception {
    RuleSource source = RuleSource.fromDirectory(Path.of("rules"));
    KnowledgeBase kb = KnowledgeBaseLoader.load(source);
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(kb), Path.of("facts-samples"));
    List<Object> concluded = new ArrayList<>();
    for (ScenarioFile f : ScenarioRunner.load(source)) {
      for (Scenario s : f.scenarios()) {
        FactBundle b = runner.bundleOf(s, f.path());
        KieSession session = kb.newSession();
        kb.tableFacts().forEach(session::insert);
        b.facts().forEach(session::insert);
        session.fireAllRules();
        concluded.addAll(session.getObjects(o -> o instanceof Finding || o instanceof Check || o instanceof Score
            || o instanceof Superseded || o instanceof ObservedError));
        concluded.addAll(b.facts());
        session.dispose();
      }
    }
    assertThat(concluded).isNotEmpty();
    for (Object o : concluded) {
      assertThat(ContentKey.of(o)).isEqualTo(o.toString());
    }
  }

  @Test
  void keyFollowsNestedCollectionsAndKeepsAnOwnToString() {
    Nested n = new Nested(List.of(new Evidence("env X", "seen"), 3, "s"), new java.util.TreeMap<>(Map.of("k",
        new Custom("v"))), new Custom("c"), 1.5, null);
    assertThat(ContentKey.of(n)).isEqualTo(n.toString());
    assertThat(ContentKey.of(new Custom("x"))).isEqualTo("custom x");
  }
}
