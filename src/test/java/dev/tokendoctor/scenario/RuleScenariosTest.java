package dev.tokendoctor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleSource;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Runs every scenario file under {@code rules/}: one test per scenario, named after its rule and description. */
class RuleScenariosTest {
  static KnowledgeBase kb;
  static List<ScenarioFile> files;

  @BeforeAll
  static void load() throws Exception {
    RuleSource source = RuleSource.fromDirectory(Path.of("rules"));
    kb = KnowledgeBaseLoader.load(source);
    files = ScenarioRunner.load(source);
  }

  @TestFactory
  Stream<DynamicTest> everyScenario() {
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(kb), Path.of("facts-samples"));
    return files.stream().flatMap(f -> java.util.stream.IntStream.range(0, f.scenarios().size()).mapToObj(i -> {
      Scenario s = f.scenarios().get(i);
      String name = (f.rule() == null ? "combined" : f.rule()) + ": " + s.description();
      return DynamicTest.dynamicTest(name, () -> {
        ScenarioResult r = runner.run(f, i);
        assertThat(r.failures()).as(f.path() + " scenario " + (i + 1) + " (fired: " + r.fired() + ")").isEmpty();
      });
    }));
  }
}
