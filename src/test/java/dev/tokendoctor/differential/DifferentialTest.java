package dev.tokendoctor.differential;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The differential through the real command line: a refusal that no rule explains is never an empty report; the
 * candidates are exactly the causes whose rules explain the error, ranked by the priors in rules/differential/,
 * less what a check ruled out; each comes with the question and command that separate it.
 */
class DifferentialTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern ID = Pattern.compile("@id\\(\"([A-Z_]+)\"\\)");
  private static final Pattern EXPLAINS = Pattern.compile("@explains\\(\"([^\"]*)\"\\)");

  /** Cause id → the error codes any of its rules explains, read from the rule files themselves. */
  static Map<String, Set<String>> explains() throws IOException {
    Map<String, Set<String>> out = new HashMap<>();
    try (Stream<Path> files = Files.walk(Path.of("rules"))) {
      for (Path p : files.filter(f -> f.toString().endsWith(".drl") && !f.toString().contains("ranking")).toList()) {
        String text = Files.readString(p);
        for (String rule : text.split("\nrule ")) {
          Matcher id = ID.matcher(rule);
          Matcher ex = EXPLAINS.matcher(rule);
          if (id.find() && !rule.contains("@kind(\"check\")")) {
            Set<String> codes = out.computeIfAbsent(id.group(1), k -> new HashSet<>());
            if (ex.find()) {
              codes.addAll(List.of(ex.group(1).trim().split("\\s+")));
            }
          }
        }
      }
    }
    return out;
  }

  static JsonNode diagnose(String bundle, String... more) throws IOException {
    List<String> args = new ArrayList<>(List.of("diagnose", "-", "--format", "json"));
    args.addAll(List.of(more));
    CliRun r = CliRun.with(Map.of(), bundle, args.toArray(String[]::new));
    assertThat(r.err()).isEmpty();
    return JSON.readTree(r.out());
  }

  static String pasted(String code, String message) {
    return "{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"An error occurred (" + code
        + ") when calling the GetCallerIdentity operation: " + message + "\", \"errorCode\": \"" + code + "\"}}";
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "InvalidClientTokenId, The security token included in the request is invalid., KEY_ID_NOT_FOUND, SECRET_KEY_MISMATCH",
    "SignatureDoesNotMatch, The request signature we calculated does not match the signature you provided., SECRET_KEY_MISMATCH, KEY_ID_NOT_FOUND",
    "ExpiredToken, The security token included in the request is expired, TEMP_CREDENTIALS_EXPIRED, KEY_ID_NOT_FOUND",
    "AccessDenied, User is not authorized to perform this action, WRONG_ACCOUNT, SESSION_TOKEN_MISSING"})
  void aPastedErrorAloneGetsTheCausesConsistentWithItRankedWithQuestions(String code, String message, String first,
      String impossible) throws IOException {
    JsonNode r = diagnose(pasted(code, message));
    JsonNode d = r.path("differential");
    assertThat(d.path("errorCode").asText()).isEqualTo(code);
    assertThat(d.path("meaning").asText()).isNotBlank();
    List<String> ids = new ArrayList<>();
    double sum = 0;
    double previous = 2;
    Map<String, Set<String>> explains = explains();
    for (JsonNode c : d.path("candidates")) {
      String id = c.path("id").asText();
      ids.add(id);
      assertThat(explains.get(id)).as(id + " explains " + code).contains(code);
      double share = c.path("likelihood").asDouble();
      assertThat(share).isLessThanOrEqualTo(previous);
      previous = share;
      sum += share;
    }
    assertThat(ids).first().isEqualTo(first);
    assertThat(ids).doesNotContain(impossible);
    // Every cause whose rule explains the code is a candidate (nothing here rules one out).
    explains.forEach((id, codes) -> {
      if (codes.contains(code)) {
        assertThat(ids).contains(id);
      }
    });
    assertThat(sum).isBetween(0.99, 1.01);
    JsonNode questions = r.path("questions");
    assertThat(questions.size()).isGreaterThan(2);
    for (JsonNode q : questions) {
      assertThat(q.path("fact").asText()).isNotBlank();
      assertThat(q.path("command").asText()).isNotBlank().doesNotContain("{profile}");
    }
    assertThat(questions.get(questions.size() - 1).path("command").asText()).startsWith("tokendoctor collect");
    // The first question separates the likeliest cause.
    assertThat(JSON.convertValue(questions.get(0).path("separates"), List.class)).contains(first);
  }

  @Test
  void textAndMarkdownShowTheSameDifferentialAndQuestions() {
    String bundle = pasted("SignatureDoesNotMatch", "The request signature we calculated does not match");
    CliRun text = CliRun.with(Map.of(), bundle, "diagnose", "-", "--format", "text");
    assertThat(text.out()).contains("Still possible", "SECRET_KEY_MISMATCH", "Questions to ask",
        "$ tokendoctor collect -o bundle.json", "| tr -d '\\n' | wc -c");
    CliRun md = CliRun.with(Map.of(), bundle, "diagnose", "-", "--format", "markdown");
    assertThat(md.out()).contains("#### Still possible", "`SECRET_KEY_MISMATCH`", "#### Questions to ask",
        "```sh\n   tokendoctor collect -o bundle.json\n   ```");
  }

  @Test
  void anErrorTextWithoutACodeAsksForTheErrorFirst() throws IOException {
    JsonNode r = diagnose("{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"aws said no, something about my token\"}}");
    JsonNode d = r.path("differential");
    assertThat(d.path("errorCode").isNull()).isTrue();
    assertThat(d.path("candidates").size()).isGreaterThan(5);
    assertThat(r.path("questions").get(0).path("fact").asText()).contains("exact error");
  }

  @Test
  void anEmptyBundleIsNeverAnEmptyReport() throws IOException {
    JsonNode r = diagnose("{\"schemaVersion\": 1}");
    assertThat(r.path("differential").path("candidates").size()).isZero();
    List<String> commands = new ArrayList<>();
    r.path("questions").forEach(q -> commands.add(q.path("command").asText()));
    assertThat(commands).containsExactly("aws sts get-caller-identity", "tokendoctor collect -o bundle.json");
  }

  @Test
  void aThinMachineBundleWhereAwsRefusedDropsWhatItsChecksRuleOut() throws IOException {
    // key-id-not-found without the probe that proves the key unknown: AWS refused in an opt-in region only (a
    // refusal there may be the region, not the key), so no rule concludes.
    ObjectNode b = (ObjectNode) JSON.readTree(Path.of("facts-samples/key-id-not-found.json").toFile());
    ArrayNode probes = JSON.createArrayNode();
    b.path("stsProbes").forEach(p -> {
      if ("primary".equals(p.path("purpose").asText())) {
        ((ObjectNode) p).put("endpoint", "https://sts.af-south-1.amazonaws.com").put("signingRegion", "af-south-1");
        probes.add(p);
      }
    });
    b.set("stsProbes", probes);
    JsonNode r = diagnose(JSON.writeValueAsString(b));
    assertThat(r.path("findings").findValuesAsText("explainsObservedError")).doesNotContain("true");
    JsonNode d = r.path("differential");
    assertThat(d.path("errorCode").asText()).isEqualTo("InvalidClientTokenId");
    Set<String> candidates = new HashSet<>(d.path("candidates").findValuesAsText("id"));
    Set<String> ruledOut = new HashSet<>(JSON.convertValue(d.path("ruledOut"), List.class));
    assertThat(candidates).contains("KEY_ID_NOT_FOUND");
    Set<String> checked = new HashSet<>(r.path("checks").findValuesAsText("id"));
    assertThat(ruledOut).isNotEmpty();
    for (String id : checked) {
      assertThat(candidates).as("ruled out by a check").doesNotContain(id);
    }
    for (String id : r.path("findings").findValuesAsText("id")) {
      assertThat(candidates).as("already a finding").doesNotContain(id);
    }
    // What the bundle already shows is not asked again (its environment and files were collected).
    assertThat(r.path("questions").findValuesAsText("command")).isNotEmpty()
        .doesNotContain("env | grep '^AWS_' | cut -d= -f1", "grep -n '^[[:space:]]*\\[' ~/.aws/credentials ~/.aws/config")
        .noneMatch(c -> c.contains("{profile}"))
        .last().isEqualTo("tokendoctor collect -o bundle.json");
  }

  @Test
  void commandsNameTheProfileInUseOrNone() {
    assertThat(Differentials.command("aws configure list --profile {profile}", "dev")).isEqualTo("aws configure list --profile dev");
    assertThat(Differentials.command("aws configure list --profile {profile}", null)).isEqualTo("aws configure list");
  }

  @Test
  void aRefusalTheRulesExplainHasNoDifferential() throws IOException {
    JsonNode r = diagnose(Files.readString(Path.of("facts-samples/key-id-not-found.json")));
    assertThat(r.has("differential")).isFalse();
    assertThat(r.has("questions")).isFalse();
  }

  @Test
  void thePriorsAreDataTheTeamEdits(@TempDir Path dir) throws IOException {
    Path rules = copyRules(dir);
    Path priors = rules.resolve("differential/priors.csv");
    Files.writeString(priors, Files.readString(priors) + "InvalidClientTokenId,TOOL_KNOWN_DEFECT,1000\n");
    JsonNode r = diagnose(pasted("InvalidClientTokenId", "invalid"), "--rules", rules.toString());
    assertThat(r.path("differential").path("candidates").get(0).path("id").asText()).isEqualTo("TOOL_KNOWN_DEFECT");
  }

  @Test
  void aBrokenDataFileIsRefusedWithItsFileAndLine(@TempDir Path dir) throws IOException {
    Path rules = copyRules(dir);
    Path priors = rules.resolve("differential/priors.csv");
    List<String> lines = new ArrayList<>(Files.readAllLines(priors));
    int header = lines.indexOf("error,cause,prior");
    lines.set(header + 2, "InvalidClientTokenId,KEY_ID_NOT_FOUND,many");
    Files.write(priors, lines);
    CliRun r = CliRun.with(Map.of(), pasted("InvalidClientTokenId", "x"), "diagnose", "-", "--rules", rules.toString());
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err().strip()).isEqualTo("tokendoctor: error: " + rules + "/differential/priors.csv:" + (header + 3)
        + ": prior 'many' is not a whole number >= 0");
    CliRun check = CliRun.of("rules", "check", "--rules", rules.toString());
    assertThat(check.exitCode()).isEqualTo(2);
    assertThat(check.err()).contains("differential/priors.csv:" + (header + 3));

    Path questions = rules.resolve("differential/questions.csv");
    Files.writeString(questions, Files.readString(questions).replace("\nKEY_QUOTED,", "\nKEY_QUOTD,"));
    Files.writeString(priors, Files.readString(priors).replace(",many", ",3"));
    CliRun q = CliRun.with(Map.of(), pasted("InvalidClientTokenId", "x"), "diagnose", "-", "--rules", rules.toString());
    assertThat(q.exitCode()).isEqualTo(2);
    assertThat(q.err()).contains("differential/questions.csv:").contains("'KEY_QUOTD' is not a cause id");
  }

  @Test
  void everyCauseThatExplainsAnErrorHasAQuestionAndItsCommandPrintsNoSecretValue() throws IOException {
    String questions = Files.readString(Path.of("rules/differential/questions.csv"));
    for (Map.Entry<String, Set<String>> e : explains().entrySet()) {
      if (!e.getValue().isEmpty()) {
        assertThat(questions).as(e.getKey() + " has a question").contains("\n" + e.getKey() + ",");
      }
    }
    for (String line : questions.lines().toList()) {
      if (line.contains("aws_secret_access_key") || line.contains("$AWS_SESSION_TOKEN")
          || line.contains("$AWS_SECRET_ACCESS_KEY")) {
        // A secret may be measured, never shown.
        assertThat(line).containsAnyOf("wc -c", "cut -d");
      }
    }
  }

  static Path copyRules(Path dir) throws IOException {
    return dev.tokendoctor.TestTrees.copy(Path.of("rules"), dir.resolve("rules"));
  }
}
