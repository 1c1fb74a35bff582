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

/**
 * The diagnoser orders conclusions by {@link ContentKey}: it must be exactly their {@code toString}, and
 * {@link ConclusionOrder} must give the order those texts give.
 */
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
    assertSortsLikeText(concluded);
  }

  @Test
  void orderDecidedByTheFirstFieldIsTheOrderOfTheWholeText() {
    // Ids that are prefixes of each other, the same id twice, kinds mixed, and a record with its own text.
    List<Object> tricky = new ArrayList<>(List.of(
        new Score("REGION_MISSING_X", 5, "b", "f"), new Score("REGION_MISSING", 5, "b", "f"),
        new Score("REGION_MISSING", -5, "a", "f"), new Score("REGION", 1, "z", "f"), new Superseded("A", "B"),
        new Check("A", "t", List.of(), "f"), new Custom("Check[A"), new Custom("Score["), new Nested(null, null,
        null, null, null), new Superseded("A", "A"), new ObservedError("Invalid", "o"),
        new ObservedError("InvalidClientTokenId", "o")));
    for (int i = 0; i < 20; i++) {
      java.util.Collections.shuffle(tricky, new java.util.Random(i));
      assertSortsLikeText(tricky);
    }
  }

  private static void assertSortsLikeText(List<Object> objects) {
    List<Object> byText = new ArrayList<>(objects);
    byText.sort(java.util.Comparator.comparing(Object::toString));
    assertThat(ConclusionOrder.sorted(objects)).extracting(Object::toString)
        .containsExactlyElementsOf(byText.stream().map(Object::toString).toList());
  }

  @Test
  void keyFollowsNestedCollectionsAndKeepsAnOwnToString() {
    Nested n = new Nested(List.of(new Evidence("env X", "seen"), 3, "s"), new java.util.TreeMap<>(Map.of("k",
        new Custom("v"))), new Custom("c"), 1.5, null);
    assertThat(ContentKey.of(n)).isEqualTo(n.toString());
    assertThat(ContentKey.of(new Custom("x"))).isEqualTo("custom x");
  }
}
