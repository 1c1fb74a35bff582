package dev.tokendoctor.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** The shipped JSON Schema matches the records, and every sample bundle conforms to it. */
class BundleSchemaTest {
  static final Path SCHEMA = Path.of("src/main/resources/tokendoctor/bundle.schema.json");

  @Test
  void shippedSchemaIsGeneratedFromTheRecords() throws Exception {
    String generated = new BundleSchemaGenerator(Path.of("src/main/java")).generate();
    if (Boolean.getBoolean("tokendoctor.updateSchema")) {
      Files.writeString(SCHEMA, generated);
    }
    assertThat(Files.readString(SCHEMA))
        .as("the schema is stale: run mvn test -Dtest=BundleSchemaTest -Dtokendoctor.updateSchema=true")
        .isEqualTo(generated);
  }

  @TestFactory
  Stream<DynamicTest> everySampleConformsToTheSchema() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(SCHEMA));
    List<Path> samples;
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    return samples.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
      JsonNode node = mapper.readTree(p.toFile());
      Set<ValidationMessage> errors = schema.validate(node);
      assertThat(errors).as(p.toString()).isEmpty();
    }));
  }

  @Test
  void theSchemaRejectsWhatTheReaderRejects() throws Exception {
    JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
        .getSchema(Files.readString(SCHEMA));
    ObjectMapper mapper = new ObjectMapper();
    assertThat(schema.validate(mapper.readTree("{\"collectedAt\": \"2026-01-01T00:00:00Z\"}"))).isNotEmpty();
    assertThat(schema.validate(mapper.readTree("{\"schemaVersion\": 1, \"stsProbes\": [{\"httpStatus\": \"x\"}]}"))).isNotEmpty();
    assertThat(schema.validate(mapper.readTree("{\"schemaVersion\": 1, \"futureFact\": []}"))).isEmpty();
  }
}
