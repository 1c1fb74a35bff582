package dev.tokendoctor.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleLimits;
import dev.tokendoctor.diagnosis.Verdict;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads scenario files strictly: a misspelt key ({@code "absnet"}) would otherwise be ignored and turn a test
 * into one that always passes, so every key is checked and every problem names its file and line.
 */
public final class ScenarioFiles {
  static final Set<String> FILE_KEYS = Set.of("rule", "scenarios");
  static final Set<String> SCENARIO_KEYS = Set.of("description", "bundle", "given", "change", "expect", "ticket");
  static final Set<String> EXPECT_KEYS = Set.of("first", "fires", "absent", "order", "checks", "verdict", "none", "exactly");
  static final Set<String> VERDICTS = Set.copyOf(Verdict.STATUSES);

  private static final ObjectMapper MAPPER = BundleCodec.newMapper(BundleLimits.DEFAULT);

  private ScenarioFiles() {}

  /** Reads every {@code *.scenarios.json} of the rules source. */
  public static ScenarioSuite read(RuleSource source) {
    List<ScenarioFile> files = new ArrayList<>();
    List<RuleProblem> problems = new ArrayList<>();
    for (SourceFile f : source.scenarioFiles()) {
      ScenarioFile sf = read(f, problems);
      if (sf != null) {
        files.add(sf);
      }
    }
    return new ScenarioSuite(files, problems);
  }

  /** Reads one file; returns {@code null} (and says why in {@code problems}) when it cannot be used at all. */
  public static ScenarioFile read(SourceFile f, List<RuleProblem> problems) {
    String path = f.displayPath();
    JsonNode tree;
    try {
      tree = MAPPER.readTree(f.text());
    } catch (JsonProcessingException e) {
      problems.add(error(path, line(e.getLocation()), "this is not valid JSON: " + jsonMessage(e), e.getOriginalMessage()));
      return null;
    }
    if (tree == null || !tree.isObject()) {
      problems.add(error(path, 1, "a scenario file is one JSON object: { \"rule\": \"CAUSE_ID\", \"scenarios\": [ ... ] }", ""));
      return null;
    }
    List<Integer> lines = new ArrayList<>();
    try {
      checkKeys(f.text(), path, lines, problems);
    } catch (IOException e) {
      problems.add(error(path, 0, "cannot be read: " + e.getMessage(), ""));
      return null;
    }
    JsonNode rule = tree.get("rule");
    if (rule != null && !rule.isNull() && !rule.isTextual()) {
      problems.add(error(path, 1, "\"rule\" must be the cause id in quotes", ""));
    }
    JsonNode list = tree.get("scenarios");
    if (list == null || !list.isArray() || list.isEmpty()) {
      problems.add(error(path, 1, "\"scenarios\" must be a list with at least one scenario", ""));
      return null;
    }
    // Every scenario keeps its place, even one that cannot run (the runner fails it), so "scenario 3" always
    // means the third one in the file.
    List<Scenario> scenarios = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      int line = i < lines.size() ? lines.get(i) : 0;
      String which = "scenario " + (i + 1);
      Scenario s;
      try {
        s = MAPPER.treeToValue(list.get(i), Scenario.class);
      } catch (JsonProcessingException e) {
        problems.add(error(path, line, which + ": " + jsonMessage(e), e.getOriginalMessage()));
        s = null;
      }
      if (s == null) {
        scenarios.add(new Scenario(which + " (cannot be read)", null, null, null, null, null));
        continue;
      }
      String wrong = shapeProblem(s);
      boolean followsFromUnknownKey = wrong != null && wrong.startsWith("\"expect\" states nothing")
          && problems.stream().anyMatch(p -> p.message().contains("in \"expect\" of " + which + " "));
      if (wrong != null && !followsFromUnknownKey) {
        problems.add(error(path, line, which + ": " + wrong, ""));
      }
      scenarios.add(s);
    }
    List<Integer> kept = lines.size() >= scenarios.size() ? lines.subList(0, scenarios.size()) : lines;
    return new ScenarioFile(rule != null && rule.isTextual() ? rule.asText() : null, scenarios, path, kept);
  }

  /** What makes a scenario unusable, or {@code null}. */
  public static String shapeProblem(Scenario s) {
    int sources = (s.bundle() == null ? 0 : 1) + (s.given() == null ? 0 : 1) + (s.ticket() == null ? 0 : 1);
    if (sources == 0) {
      return "needs \"bundle\" (a file in facts-samples/), \"given\" (a bundle written inline) or \"ticket\" (a file in tickets-samples/)";
    }
    if (sources > 1) {
      return "has more than one of \"bundle\", \"given\" and \"ticket\"; keep one";
    }
    if (s.given() != null && !s.given().isObject()) {
      return "\"given\" must be a bundle (a JSON object)";
    }
    Scenario.Expectation e = s.expect();
    if (e == null) {
      return "needs \"expect\": what the rules must conclude";
    }
    if (e.first() == null && e.fires().isEmpty() && e.absent().isEmpty() && e.order().isEmpty() && e.checks().isEmpty()
        && e.verdict() == null && e.none() == null) {
      return "\"expect\" states nothing: use first, fires, absent, order, checks, verdict or none";
    }
    if (e.verdict() != null && !VERDICTS.contains(e.verdict())) {
      return "\"verdict\" must be one of " + String.join(", ", Verdict.STATUSES) + ", not '" + e.verdict() + "'";
    }
    if (s.change() != null) {
      for (String pointer : s.change().keySet()) {
        if (!pointer.startsWith("/")) {
          return "change \"" + pointer + "\" must be a JSON Pointer starting with / (like /credentials/0/token)";
        }
      }
    }
    return null;
  }

  /** Walks the file once to find where each scenario starts and to catch keys the format does not have. */
  private static void checkKeys(String text, String path, List<Integer> lines, List<RuleProblem> problems) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int line = line(p.currentLocation());
        JsonToken value = p.nextToken();
        if ("scenarios".equals(key) && value == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            lines.add(line(p.currentTokenLocation()));
            if (p.currentToken() == JsonToken.START_OBJECT) {
              scenarioKeys(p, path, lines.size(), problems);
            } else {
              problems.add(error(path, lines.get(lines.size() - 1), "scenario " + lines.size() + " must be a JSON object { ... }", ""));
              p.skipChildren();
            }
          }
        } else {
          if (!FILE_KEYS.contains(key)) {
            problems.add(unknownKey(path, line, key, "the file", FILE_KEYS));
          }
          p.skipChildren();
        }
      }
    }
  }

  private static void scenarioKeys(JsonParser p, String path, int number, List<RuleProblem> problems) throws IOException {
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int line = line(p.currentLocation());
      JsonToken value = p.nextToken();
      if ("expect".equals(key) && value == JsonToken.START_OBJECT) {
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String k = p.currentName();
          int l = line(p.currentLocation());
          p.nextToken();
          if (!EXPECT_KEYS.contains(k)) {
            problems.add(unknownKey(path, l, k, "\"expect\" of scenario " + number, EXPECT_KEYS));
          }
          p.skipChildren();
        }
      } else {
        if (!SCENARIO_KEYS.contains(key)) {
          problems.add(unknownKey(path, line, key, "scenario " + number, SCENARIO_KEYS));
        }
        p.skipChildren();
      }
    }
  }

  private static RuleProblem unknownKey(String path, int line, String key, String where, Set<String> known) {
    return error(path, line, "unknown key \"" + key + "\" in " + where + Spelling.suggestion(key, known)
        + "; the keys are " + String.join(", ", known.stream().sorted().toList()), "");
  }

  private static RuleProblem error(String path, int line, String message, String original) {
    return new RuleProblem(path, line, "error", message, original == null ? "" : original);
  }

  private static int line(JsonLocation at) {
    return at == null ? 0 : Math.max(0, at.getLineNr());
  }

  private static String jsonMessage(JsonProcessingException e) {
    // Jackson names Java types and parser features; people wrote JSON.
    return dev.tokendoctor.bundle.JsonWords.plain(e.getOriginalMessage());
  }

}
