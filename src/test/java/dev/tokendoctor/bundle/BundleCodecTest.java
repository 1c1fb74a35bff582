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
      schema version 1.5         | {"schemaVersion": 1.5}                                        | t.json: $.schemaVersion: expected a whole number, got a decimal number
      null in a list             | {"schemaVersion": 1, "environment": [null]}                   | t.json: $.environment[0]: null in a list; expected an object
      null in a string list      | {"schemaVersion": 1, "profile": {"source": "default", "similarNames": [null]}} | t.json: $.profile.similarNames[0]: null in a list; expected a string
      clock without its time     | {"schemaVersion": 1, "clock": {}}                             | t.json: $.clock.localTime: missing; every clock needs it
      property without its key   | {"schemaVersion": 1, "properties": [{}]}                      | t.json: $.properties[0].file: missing; every profile property needs it
      env var with null value    | {"schemaVersion": 1, "environment": [{"name": "AWS_PROFILE", "value": null}]} | t.json: $.environment[0].value: missing; every environment variable needs it
      found credentials, no key  | {"schemaVersion": 1, "credentials": [{"found": true, "provider": "env", "keyIdOrigin": "env AWS_ACCESS_KEY_ID"}]} | t.json: $.credentials[0].keyId: missing; every resolved credentials with a keyIdOrigin needs it
      found, no provider         | {"schemaVersion": 1, "credentials": [{"found": true}]}        | t.json: $.credentials[0].provider: missing; every resolved credentials with found true needs it
      NaN                        | {"schemaVersion": NaN}                                        | t.json: $.schemaVersion: malformed JSON (line 1, column 22): NaN is not a number in JSON
      single quotes              | {'schemaVersion': 1}                                          | t.json: $: malformed JSON (line 1, column 2): strings and member names take double quotes
      """)
  void refusesWithOneLineNamingThePath(String why, String json, String expected) {
    assertThatThrownBy(() -> read(json == null ? "" : json))
        .isInstanceOf(BundleException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith(expected).doesNotContain("\n"));
  }

  @Test
  void credentialsThatWereNotFoundNeedNoKey() throws Exception {
    assertThat(read("{\"schemaVersion\": 1, \"credentials\": [{\"found\": false}]}").credentials()).hasSize(1);
    // A role or SSO session found before any call has no key id yet.
    assertThat(read("{\"schemaVersion\": 1, \"credentials\": [{\"found\": true, \"provider\": \"profile-sso\"}]}")
        .credentials()).hasSize(1);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      UTF-16LE with BOM  | FFFE7B002200     | the file is UTF-16; bundles are UTF-8
      UTF-16BE with BOM  | FEFF007B0022     | the file is UTF-16
      UTF-16LE, no BOM   | 7B0022007300     | the file is UTF-16
      UTF-16BE, no BOM   | 007B00220073     | the file is UTF-16
      UTF-32LE with BOM  | FFFE00007B000000 | the file is UTF-32
      UTF-32BE, no BOM   | 0000007B00000022 | the file is UTF-32
      overlong slash     | 7B22C0AF227D     | not valid UTF-8: an overlong encoding at byte 2
      overlong 3 bytes   | 7B22E080AF227D   | not valid UTF-8: an overlong encoding at byte 2
      surrogate          | 7B22EDA080227D   | not valid UTF-8: an encoded surrogate at byte 2
      stray continuation | 7B2280227D       | not valid UTF-8: a byte that cannot start a character at byte 2
      cut off            | 7B22E282         | not valid UTF-8: a character cut off at the end at byte 2
      """)
  void refusesEncodingsOtherThanWellFormedUtf8(String why, String hex, String expected) {
    byte[] bytes = java.util.HexFormat.of().parseHex(hex.toLowerCase(java.util.Locale.ROOT));
    assertThatThrownBy(() -> codec.read(bytes, "t.json", warnings::add))
        .isInstanceOf(BundleException.class)
        .satisfies(e -> assertThat(e.getMessage()).startsWith("t.json: $: " + expected).doesNotContain("\n"));
  }

  @Test
  void acceptsUtf8WithAByteOrderMarkAndNonAsciiText() throws Exception {
    byte[] json = "\uFEFF{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"caf\u00e9 \ud83d\ude00\"}}"
        .getBytes(StandardCharsets.UTF_8);
    assertThat(codec.read(json, "t.json", warnings::add).ticket().errorText()).isEqualTo("caf\u00e9 \ud83d\ude00");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      NaN                 | {"schemaVersion": NaN}
      Infinity            | {"schemaVersion": -Infinity}
      comment             | {"schemaVersion": 1 // x
      block comment       | {"schemaVersion": 1 /* x */}
      single quotes       | {'schemaVersion': 1}
      trailing comma      | {"schemaVersion": 1,}
      bare word           | {"schemaVersion": yes}
      leading zero        | {"schemaVersion": 01}
      control character   | {"schemaVersion": 1, "ticket": {"errorText": "a<TAB>b"}}
      bad escape          | {"schemaVersion": 1, "ticket": {"errorText": "a<BS>qb"}}
      missing colon       | {"schemaVersion" 1}
      missing comma       | {"schemaVersion": 1 "x": 2}
      unclosed array      | {"schemaVersion": 1, "environment": [
      stray bracket       | {"schemaVersion": 1]}
      huge number         | {"schemaVersion": 99999999999999999999}
      number for a list   | {"schemaVersion": 1, "environment": 3}
      object for a string | {"schemaVersion": 1, "ticket": {"errorText": {}}}
      """)
  void jsonErrorsAreSaidInTheProjectsWordsNotJacksons(String why, String json) {
    assertThatThrownBy(() -> read(json.replace("<TAB>", "\t").replace("<BS>", "\\")))
        .isInstanceOf(BundleException.class)
        .satisfies(e -> assertThat(JsonWords.speaksJackson(e.getMessage())).as(e.getMessage()).isFalse())
        .satisfies(e -> assertThat(e.getMessage()).startsWith("t.json: $").doesNotContain("\n"));
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
        + " \"stsProbes\": [{\"purpose\": \"primary\", \"outcome\": \"accepted\", \"signingRegion\": \"us-east-1\","
        + " \"newField\": true}]}");
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
