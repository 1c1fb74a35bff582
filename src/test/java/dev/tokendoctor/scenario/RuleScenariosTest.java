package dev.tokendoctor.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleSource;
import java.nio.file.Path;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario file under {@code rules/}: one test per scenario, named {@code ID: description}, and one
 * failing test per scenario file (or part of one) that cannot be read. The same runner backs
 * {@code tokendoctor rules test}.
 */
class RuleScenariosTest {
  static KnowledgeBase kb;
  static ScenarioSuite suite;

  @BeforeAll
  static void load() throws Exception {
    RuleSource source = RuleSource.fromDirectory(Path.of("rules"));
    kb = KnowledgeBaseLoader.load(source);
    suite = ScenarioFiles.read(source);
  }

  @TestFactory
  Stream<DynamicTest> everyScenario() {
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(kb), Samples.folder(Path.of("facts-samples")));
    Stream<DynamicTest> unreadable = suite.problems().stream().map(p -> DynamicTest.dynamicTest(p.format(), () -> {
      throw new AssertionError(p.format());
    }));
    Stream<DynamicTest> scenarios = suite.files().stream().flatMap(f -> IntStream.range(0, f.scenarios().size()).mapToObj(i -> {
      Scenario s = f.scenarios().get(i);
      String name = (f.rule() == null ? "combined" : f.rule()) + ": " + s.description();
      return DynamicTest.dynamicTest(name, () -> {
        ScenarioResult r = runner.run(f, i);
        assertThat(r.failures()).as(r.where() + " (found: " + r.found() + "; fired: " + r.fired() + ")").isEmpty();
      });
    }));
    return Stream.concat(unreadable, scenarios);
  }

}
