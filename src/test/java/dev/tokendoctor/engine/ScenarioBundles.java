package dev.tokendoctor.engine;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.scenario.Scenario;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The bundle of every scenario of a rules folder, in file order: many kinds of machine for engine tests. */
final class ScenarioBundles {
  private ScenarioBundles() {}

  static List<FactBundle> of(KnowledgeBase kb, RuleSource source) throws Exception {
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(kb), Path.of("facts-samples"));
    List<FactBundle> bundles = new ArrayList<>();
    for (ScenarioFile f : ScenarioRunner.load(source)) {
      for (Scenario s : f.scenarios()) {
        bundles.add(runner.bundleOf(s, f.path()));
      }
    }
    return bundles;
  }
}
