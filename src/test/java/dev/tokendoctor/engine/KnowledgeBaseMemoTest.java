package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CollectorRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.drools.core.common.TruthMaintenanceSystemFactory;
import org.drools.tms.TruthMaintenanceSystemFactoryImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon keeps a few knowledge bases between commands, one version per rules folder, and lets go of the others
 * for good: Drools keeps each session's truth maintenance in a static map until the session is disposed, so a
 * base whose pooled sessions were not disposed stayed in memory for the daemon's life (issue 16: five such bases,
 * about 20 MiB each, after the start-up benchmark).
 */
class KnowledgeBaseMemoTest {
  @TempDir Path dir;

  // A vocabulary rule that derives a fact logically, as the shipped vocabulary does (it is what needs truth maintenance).
  static final String DRL = """
      package tokendoctor.rules;

      import dev.tokendoctor.facts.*;

      rule "VOCABULARY a run, named"
          @kind("vocabulary")
      when
          $r : CollectorRun( ok )
      then
          insertLogical(new CollectorRun($r.name() + " seen", "seen", null));
      end
      """;

  @Test
  void anOlderVersionOfAFolderIsLetGoAndItsSessionsDisposed() throws Exception {
    KnowledgeBaseMemo memo = new KnowledgeBaseMemo(4);
    KnowledgeBase first = load("v1");
    memo.put(new KnowledgeBaseKey("1"), first, "/rules");
    new Diagnoser(first).diagnose(bundle());
    int before = truthMaintained();

    KnowledgeBase edited = load("v2");
    memo.put(new KnowledgeBaseKey("2"), edited, "/rules");
    assertThat(memo.get(new KnowledgeBaseKey("1"))).isNull();
    assertThat(memo.get(new KnowledgeBaseKey("2"))).isSameAs(edited);
    assertThat(truthMaintained()).as("the pooled session of the older version is disposed").isEqualTo(before - 1);

    // a diagnosis still holding the older version works, and leaves no session behind
    new Diagnoser(first).diagnose(bundle());
    assertThat(truthMaintained()).isEqualTo(before - 1);
  }

  @Test
  void otherFoldersAndBatchsBaseOfTheSameFolderAreKept() throws Exception {
    KnowledgeBaseMemo memo = new KnowledgeBaseMemo(4);
    KnowledgeBase rules = load("a");
    KnowledgeBase rows = load("b");
    KnowledgeBase other = load("c");
    memo.put(new KnowledgeBaseKey("1"), rules, "/rules");
    memo.put(new KnowledgeBaseKey("2"), rows, "/rules for rows");
    memo.put(new KnowledgeBaseKey("3"), other, "/other");
    assertThat(memo.size()).isEqualTo(3);
    assertThat(memo.get(new KnowledgeBaseKey("1"))).isSameAs(rules);
  }

  @Test
  void beyondTheCapacityTheLeastRecentlyUsedGoesWithItsSessions() throws Exception {
    KnowledgeBaseMemo memo = new KnowledgeBaseMemo(2);
    KnowledgeBase a = load("a");
    memo.put(new KnowledgeBaseKey("a"), a, "/a");
    new Diagnoser(a).diagnose(bundle());
    memo.put(new KnowledgeBaseKey("b"), load("b"), "/b");
    memo.get(new KnowledgeBaseKey("a"));
    memo.put(new KnowledgeBaseKey("c"), load("c"), "/c");
    assertThat(memo.get(new KnowledgeBaseKey("b"))).as("least recently used").isNull();
    assertThat(memo.size()).isEqualTo(2);
    int before = truthMaintained();
    memo.put(new KnowledgeBaseKey("d"), load("d"), "/d");
    assertThat(memo.get(new KnowledgeBaseKey("a"))).isNull();
    assertThat(truthMaintained()).isEqualTo(before - 1);
  }

  private KnowledgeBase load(String version) throws Exception {
    Path rules = Files.createDirectories(dir.resolve(version).resolve("vocabulary"));
    Files.writeString(rules.resolve("runs.drl"), DRL + "// " + version + "\n");
    return KnowledgeBaseLoader.load(RuleSource.fromDirectory(dir.resolve(version)));
  }

  private static FactBundle bundle() {
    return new FactBundle(FactBundle.SCHEMA_VERSION, null, null, null, List.of(new CollectorRun("environment", "ok", null)),
        null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** How many entry points Drools keeps truth maintenance for (every session not yet disposed that used it). */
  private static int truthMaintained() {
    return ((TruthMaintenanceSystemFactoryImpl) TruthMaintenanceSystemFactory.get()).getEntryPointsMapSize();
  }
}
