package dev.tokendoctor.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendoctor.facts.StsProbe;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundle reader refuses bad input with one line naming the JSON path, and tolerates what it should. */
class BundleCodecTest {
  final BundleCodec codec = new BundleCodec();
  final List<String> warnings = new ArrayList<>();

  FactBundle read(String json) throws BundleException {
    return codec.read(json.getBytes(StandardCharsets.UTF_8), "t.json", warnings::add);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      not an object              | [1, 2]                                                        | t.json: $: expected a JSON object, got array
      empty input                |                                                               | t.json: $: empty input
      no schema version          | {"collectedAt": "2026-01-01T00:00:00Z"}                       | t.json: $.schemaVersion: missing
      schema version as text     | {"schemaVersion": "1"}                                        | t.json: $.schemaVersion: expected a whole number, got the string "1"
      schema version zero        | {"schemaVersion": 0}                                          | t.json: $.schemaVersion: 0 is not a schema version
      status as text             | {"schemaVersion": 1, "stsProbes": [{"httpStatus": "abc"}]}    | t.json: $.stsProbes[0].httpStatus: expected a whole number, got the string "abc"
      list as object             | {"schemaVersion": 1, "environment": {"name": "AWS_PROFILE"}} | t.json: $.environment: expected an array, got an object
      bad date                   | {"schemaVersion": 1, "collectedAt": "yesterday"}              | t.json: $.collectedAt: expected a date-time like 2026-01-31T12:00:00Z, got 'yesterday'
      flag as text               | {"schemaVersion": 1, "credentials": [{"found": "yes"}]}       | t.json: $.credentials[0].found: expected true or false, got the string "yes"
      truncated document         | {"schemaVersion": 1, "clock": {                               | t.json: $.clock: malformed JSON (line 1
      duplicate field            | {"schemaVersion": 1, "schemaVersion": 2}                      | t.json: $.schemaVersion: malformed JSON
      trailing garbage           | {"schemaVersion": 1} {"schemaVersion": 1}                     | t.json: $: malformed JSON
      """)
  void refusesWithOneLineNamingThePath(String why, String json, String expected) {
    assertThatThrownBy(() -> read(json == null ? "" : json))
        .isInstanceOf(BundleException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith(expected).doesNotContain("\n"));
  }

  @Test
  void refusesAnOversizedBundleBeforeParsingIt() {
    BundleCodec small = new BundleCodec(new BundleLimits(1024, 32, 1024));
    byte[] big = ("{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"" + "x".repeat(4096) + "\"}}")
        .getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> small.read(new ByteArrayInputStream(big), "big.json", warnings::add))
        .hasMessage("big.json: $: bundle is larger than 1024 bytes; refused");
  }

  @Test
  void refusesTooDeepNesting() {
    String deep = "{\"schemaVersion\": 1, \"x\": " + "[".repeat(100) + "]".repeat(100) + "}";
    assertThatThrownBy(() -> read(deep))
        .isInstanceOf(BundleException.class)
        .hasMessageContaining("exceeds a size limit");
  }

  @Test
  void refusesAnOverlongString() {
    String json = "{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"" + "x".repeat(70_000) + "\"}}";
    assertThatThrownBy(() -> read(json)).hasMessageContaining("exceeds a size limit");
  }

  @Test
  void toleratesUnknownFieldsWithAWarningNamingEachPath() throws Exception {
    FactBundle b = read("{\"schemaVersion\": 1, \"futureFact\": {\"a\": 1},"
        + " \"stsProbes\": [{\"purpose\": \"primary\", \"newField\": true}]}");
    assertThat(b.stsProbes()).extracting(StsProbe::purpose).containsExactly("primary");
    assertThat(warnings).containsExactly(
        "t.json: $.futureFact: unknown field, ignored",
        "t.json: $.stsProbes[0].newField: unknown field, ignored");
  }

  @Test
  void readsANewerSchemaVersionWithAWarning() throws Exception {
    read("{\"schemaVersion\": 2}");
    assertThat(warnings).singleElement().asString().contains("newer than this tool's 1");
  }

  @Test
  void missingSectionsAreEmptyNotNull() throws Exception {
    FactBundle b = read("{\"schemaVersion\": 1}");
    assertThat(b.stsProbes()).isEmpty();
    assertThat(b.facts()).isEmpty();
  }

  @Test
  void writesWhatItReads(@TempDir Path dir) throws Exception {
    byte[] sample = Files.readAllBytes(Path.of("facts-samples/session-token-missing.json"));
    FactBundle b = codec.read(sample, "s", warnings::add);
    Path out = dir.resolve("copy.json");
    codec.write(b, out);
    FactBundle again = codec.read(Files.readAllBytes(out), "copy", warnings::add);
    assertThat(again).isEqualTo(b);
    assertThat(warnings).isEmpty();
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    codec.write(b, buf);
    assertThat(buf.toString(StandardCharsets.UTF_8)).doesNotContain("null");
  }
}
