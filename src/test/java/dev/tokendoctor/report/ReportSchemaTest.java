package dev.tokendoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Verdict;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The shipped report schema describes what {@code --format json} prints, for every verdict. */
class ReportSchemaTest {
  static final Path SCHEMA = Path.of("src/main/resources/tokendoctor/report.schema.json");

  @Test
  void everySampleAndEveryThinBundleGivesAReportTheSchemaAccepts() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(Files.readString(SCHEMA));
    Diagnoser diagnoser = new Diagnoser(KnowledgeBaseLoader.load(RuleSource.fromDirectory(Path.of("rules"))));
    List<byte[]> inputs = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        inputs.add(Files.readAllBytes(p));
      }
    }
    inputs.add("{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8));
    inputs.add("{\"schemaVersion\": 1, \"ticket\": {\"errorCode\": \"InvalidClientTokenId\"}}".getBytes(StandardCharsets.UTF_8));
    Set<String> statuses = new TreeSet<>();
    for (byte[] input : inputs) {
      FactBundle bundle = new BundleCodec().read(input, "sample", w -> { });
      Diagnosis d = diagnoser.diagnose(bundle);
      JsonNode report = mapper.readTree(new Report(d, List.of(), true).render(Format.JSON));
      assertThat(schema.validate(report)).as(new String(input, StandardCharsets.UTF_8).lines().findFirst().orElse("")).isEmpty();
      statuses.add(report.at("/verdict/status").asText());
    }
    assertThat(statuses).as("the samples cover every verdict but inconclusive (a scenario does)")
        .contains(Verdict.OK, Verdict.PROBLEM, Verdict.INSUFFICIENT);
  }

  @Test
  void theSchemaListsExactlyTheVerdicts() throws Exception {
    JsonNode schema = new ObjectMapper().readTree(SCHEMA.toFile());
    List<String> listed = new ArrayList<>();
    schema.at("/properties/verdict/properties/status/enum").forEach(n -> listed.add(n.asText()));
    assertThat(listed).containsExactlyElementsOf(Verdict.STATUSES);
  }
}
