package dev.tokendoctor.authoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.SourceFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The committed reference in {@code docs/} is what {@code rules docs} generates now, and what it says is true. */
class ReferenceDocsTest {

  @Test
  void theCommittedDocsAreCurrent() throws Exception {
    Map<String, String> generated = ReferenceDocs.generate(RuleCatalog.of(RuleSource.fromDirectory(Path.of("rules"))));
    for (Map.Entry<String, String> d : generated.entrySet()) {
      Path file = Path.of("docs", d.getKey());
      assertThat(file).as("docs/" + d.getKey() + " is missing: run `tokendoctor rules docs --rules rules --out docs`").exists();
      assertThat(Files.readString(file)).as("docs/" + d.getKey() + " is stale: run `tokendoctor rules docs --rules rules --out docs`")
          .isEqualTo(d.getValue());
    }
  }

  @Test
  void everyExamplePatternCompiles() {
    List<FactTypes.FactType> all = FactTypes.all();
    StringBuilder drl = new StringBuilder("package tokendoctor.rules;\nimport dev.tokendoctor.facts.*;\nimport dev.tokendoctor.vocabulary.*;\n");
    for (FactTypes.FactType t : all) {
      drl.append("rule \"example ").append(t.name()).append("\" @kind(\"ranking\")\nwhen\n    ")
          .append(ReferenceDocs.example(t, all)).append("\nthen\nend\n");
    }
    List<RuleProblem> problems = new ArrayList<>();
    KnowledgeBaseLoader.compile(new RuleSource("examples", List.of(new SourceFile("examples.drl", "examples.drl", drl.toString()))), problems);
    assertThat(problems).as(drl.toString()).isEmpty();
  }

  @Test
  void everyFactRecordIsDocumentedWithEveryFieldExplained() throws Exception {
    String facts = ReferenceDocs.facts();
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/dev/tokendoctor/facts"))) {
      for (Path p : sources.toList()) {
        String src = Files.readString(p);
        String name = p.getFileName().toString().replace(".java", "");
        if (src.contains("public record " + name)) {
          assertThat(facts).as(name + " is reachable from the bundle or a table, so rule authors can see it").contains("## " + name + "\n");
        }
      }
    }
    for (FactTypes.FactType t : FactTypes.all()) {
      Javadoc.Doc doc = Javadoc.of(t.type()).type(t.type());
      for (var c : t.type().getRecordComponents()) {
        assertThat(doc.params().get(c.getName())).as(t.name() + "." + c.getName() + " needs its @param line in the record's javadoc").isNotBlank();
      }
    }
  }

  @Test
  void theRuleApiListsEveryMetadataKeyAndWhatAFindingCanSay() throws Exception {
    String api = ReferenceDocs.ruleApi(RuleCatalog.of(RuleSource.fromDirectory(Path.of("rules"))));
    MetadataKey.ALL.forEach(k -> assertThat(api).contains("| `@" + k.key() + "` |"));
    assertThat(api).contains("| `.fix(String)` | Conclude.FindingBuilder | One step of the fix, in plain words. |",
        "| `.evidence(Object, String)` | Conclude.CheckBuilder | One piece of evidence",
        "+100 when the cause produces the observed error", "| `absent` | causes that must not be found |");
  }
}
