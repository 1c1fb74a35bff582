package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.scenario.Scenario;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The quality bar of the knowledge base: every cause of the cause list has its rule, its sample, a positive
 * scenario that puts it first and a near-miss negative scenario that does not fire it; and the ranking is pinned
 * by combined scenarios: machines where causes of different areas fire together.
 */
class KnowledgeBaseCoverageTest {
  static KnowledgeBase kb;
  static List<ScenarioFile> scenarios;

  @BeforeAll
  static void load() throws Exception {
    RuleSource source = RuleSource.fromDirectory(Path.of("rules"));
    kb = KnowledgeBaseLoader.load(source);
    scenarios = ScenarioRunner.load(source);
  }

  static Set<String> causeIds() {
    Set<String> ids = new TreeSet<>();
    kb.causeRules().forEach(r -> ids.add(r.metadata().id()));
    return ids;
  }

  @Test
  void everyCauseHasASampleNamedAfterIt() {
    for (String id : causeIds()) {
      Path sample = Path.of("facts-samples", id.toLowerCase(Locale.ROOT).replace('_', '-') + ".json");
      assertThat(sample).as("sample for " + id).exists();
    }
  }

  @Test
  void everyCauseHasAPositiveScenarioOnItsOwnSample() {
    for (String id : causeIds()) {
      String sample = id.toLowerCase(Locale.ROOT).replace('_', '-') + ".json";
      boolean found = scenarios.stream().flatMap(f -> f.scenarios().stream())
          .anyMatch(s -> id.equals(s.expect().first()) && sample.equals(s.bundle()) && s.change() == null);
      assertThat(found).as(id + " needs a scenario with \"bundle\": \"" + sample + "\", no change, \"first\": \"" + id + "\"").isTrue();
    }
  }

  @Test
  void everyCauseHasANearMissScenario() {
    for (String id : causeIds()) {
      boolean found = scenarios.stream().filter(f -> id.equals(f.rule())).flatMap(f -> f.scenarios().stream())
          .anyMatch(s -> s.expect().absent().contains(id) && (s.change() != null && !s.change().isEmpty()));
      assertThat(found).as(id + " needs a near-miss scenario: one fact changed (\"change\") and \"absent\": [\"" + id + "\"]").isTrue();
    }
  }

  @Test
  void everyRuleFileConcludesTheCauseItIsNamedAfter() {
    for (RuleInfo r : kb.causeRules()) {
      String base = r.file().substring(r.file().lastIndexOf('/') + 1).replace(".drl", "");
      assertThat(r.metadata().id()).as(r.file()).isEqualTo(base);
    }
  }

  @Test
  void everyCauseRuleHasAScenarioFileBesideIt() {
    for (RuleInfo r : kb.causeRules()) {
      Path scenarioFile = Path.of(r.file().replace(".drl", ".scenarios.json"));
      assertThat(Files.exists(scenarioFile)).as(scenarioFile.toString()).isTrue();
    }
  }

  @Test
  void everyCauseOnTheCauseListHasItsRule() throws Exception {
    Set<String> listed = new TreeSet<>();
    for (String line : Files.readAllLines(Path.of("rules", "causes.csv"))) {
      if (!line.isBlank() && !line.startsWith("#") && !line.startsWith("id,")) {
        listed.add(line.substring(0, line.indexOf(',')));
      }
    }
    assertThat(listed).hasSizeGreaterThanOrEqualTo(44);
    assertThat(causeIds()).as("cause rules").containsAll(listed);
  }

  @Test
  void atLeastTenCombinedMachinesPinTheOrderOfCausesFromDifferentAreas() {
    Map<String, String> area = new HashMap<>();
    for (RuleInfo r : kb.causeRules()) {
      Path file = Path.of(r.file());
      area.put(r.metadata().id(), file.getParent() == null ? "" : file.getParent().getFileName().toString());
    }
    long machines = scenarios.stream().filter(f -> f.rule() == null).flatMap(f -> f.scenarios().stream())
        .filter(s -> s.expect().order().size() >= 2 && s.expect().first() != null)
        .filter(s -> s.expect().order().stream().map(id -> area.getOrDefault(id, id)).distinct().count() >= 2)
        .count();
    assertThat(machines).as("combined scenarios whose \"order\" names causes of two or more areas").isGreaterThanOrEqualTo(10);
  }

}
