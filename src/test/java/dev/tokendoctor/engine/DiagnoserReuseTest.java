package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendoctor.TestRules;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The diagnoser reuses sessions (tables inserted once, each bundle's facts deleted after it) for speed. That must
 * never change a result: every scenario bundle gives the same diagnosis, fired rules included, from a reused
 * session, shuffled among the others and on several threads, as from a fresh one.
 */
class DiagnoserReuseTest {
  @TempDir Path dir;

  @Test
  void reusedSessionsDiagnoseExactlyLikeFreshOnes() throws Exception {
    RuleSource source = RuleSource.fromDirectory(Path.of("rules"));
    KnowledgeBase kb = KnowledgeBaseLoader.load(source);
    List<FactBundle> bundles = ScenarioBundles.of(kb, source);
    assertThat(bundles).isNotEmpty();
    List<Diagnosis> fresh = new ArrayList<>();
    for (FactBundle b : bundles) {
      fresh.add(new Diagnoser(kb).diagnose(b));
    }

    Diagnoser shared = new Diagnoser(kb);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      List<Future<Diagnosis>> again = new ArrayList<>();
      for (int round = 0; round < 20; round++) {
        for (int i = 0; i < bundles.size(); i++) {
          FactBundle b = bundles.get((i * 7 + round) % bundles.size());
          again.add(pool.submit(() -> shared.diagnose(b)));
        }
      }
      for (int round = 0, k = 0; round < 20; round++) {
        for (int i = 0; i < bundles.size(); i++, k++) {
          assertThat(again.get(k).get()).isEqualTo(fresh.get((i * 7 + round) % bundles.size()));
        }
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void aRuleThatThrowsDoesNotSpoilTheNextDiagnosis() throws Exception {
    Path rules = dir.resolve("rules");
    copy(Path.of("rules"), rules);
    Files.writeString(rules.resolve("BOOM.drl"), TestRules.BOOM);
    RuleSource source = RuleSource.fromDirectory(rules);
    KnowledgeBase kb = KnowledgeBaseLoader.load(source);
    FactBundle good = ScenarioBundles.of(kb, source).get(0);
    FactBundle boom = good.withTicket(new dev.tokendoctor.facts.TicketContext(null, null, null, "Boom", null, null,
        null, null));
    Diagnoser d = new Diagnoser(kb);
    Diagnosis before = d.diagnose(good);
    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> d.diagnose(boom)).isInstanceOf(RuleFailure.class).hasMessageContaining("boom");
      assertThat(d.diagnose(good)).isEqualTo(before);
    }
  }

  private static void copy(Path from, Path to) throws Exception {
    dev.tokendoctor.TestTrees.copy(from, to);
  }
}
