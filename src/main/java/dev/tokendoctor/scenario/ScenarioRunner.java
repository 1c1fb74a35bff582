package dev.tokendoctor.scenario;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.ticket.TicketExtractor;
import dev.tokendoctor.ticket.TicketInput;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Runs scenarios against a knowledge base: the engine of {@code tokendoctor rules test} and of the test suite. */
public final class ScenarioRunner {
  private final Diagnoser diagnoser;
  private final Samples samples;
  private final BundleCodec codec = new BundleCodec();
  private final java.util.function.Function<String, String> goldens;

  /**
   * @param diagnoser the knowledge base to test
   * @param samples where {@code "bundle": "x.json"} is looked up ({@code facts-samples/})
   */
  public ScenarioRunner(Diagnoser diagnoser, Samples samples) {
    this(diagnoser, samples, goldensOf(diagnoser.knowledgeBase().source()));
  }

  /** The same, with the golden files' texts looked up by {@code goldens} (shown path → text, null when none). */
  public ScenarioRunner(Diagnoser diagnoser, Samples samples, java.util.function.Function<String, String> goldens) {
    this.diagnoser = diagnoser;
    this.samples = samples;
    this.goldens = goldens;
  }

  /** The golden files of {@code source}, by the path shown to people. */
  public static java.util.function.Function<String, String> goldensOf(RuleSource source) {
    java.util.Map<String, String> byPath = new java.util.HashMap<>();
    source.files().stream().filter(f -> f.isExpected()).forEach(f -> byPath.put(f.displayPath(), f.text()));
    return byPath::get;
  }

  /** The same, with the samples in the folder {@code samplesDir}. */
  public ScenarioRunner(Diagnoser diagnoser, Path samplesDir) {
    this(diagnoser, Samples.folder(samplesDir));
  }

  /** Reads every {@code *.scenarios.json} of the rules source; the first problem found is thrown. */
  public static List<ScenarioFile> load(RuleSource source) throws ScenarioException {
    ScenarioSuite suite = ScenarioFiles.read(source);
    if (!suite.problems().isEmpty()) {
      throw new ScenarioException(suite.problems().get(0).format());
    }
    return suite.files();
  }

  /** Runs every scenario of every file. */
  public List<ScenarioResult> runAll(List<ScenarioFile> files) {
    List<ScenarioResult> results = new ArrayList<>();
    for (ScenarioFile f : files) {
      for (int i = 0; i < f.scenarios().size(); i++) {
        results.add(run(f, i));
      }
    }
    return results;
  }

  /** Runs one scenario. Problems with the scenario itself are failures too, never exceptions. */
  public ScenarioResult run(ScenarioFile file, int index) {
    Scenario s = file.scenarios().get(index);
    String description = s.description() == null ? "scenario " + (index + 1) : s.description();
    int line = file.line(index);
    String unusable = ScenarioFiles.shapeProblem(s);
    if (unusable != null) {
      return new ScenarioResult(file.path(), file.rule(), index, line, description, false, List.of(file.where(index) + ": " + unusable),
          List.of(), List.of(), null);
    }
    FactBundle bundle;
    try {
      bundle = bundleOf(s, file.where(index));
    } catch (ScenarioException | BundleException e) {
      return new ScenarioResult(file.path(), file.rule(), index, line, description, false, List.of(e.getMessage()),
          List.of(), List.of(), null);
    }
    Diagnosis d;
    try {
      d = diagnoser.diagnose(bundle);
    } catch (RuleFailure e) {
      return new ScenarioResult(file.path(), file.rule(), index, line, description, false, List.of(e.getMessage()),
          List.of(), List.of(), null);
    }
    List<String> failures = new ArrayList<>(check(s.expect(), d));
    if (index == Golden.scenarioOf(file)) {
      failures.addAll(checkGolden(file, description, d));
    }
    return new ScenarioResult(file.path(), file.rule(), index, line, description, failures.isEmpty(), failures,
        d.findingIds(), d.firedRules(), d);
  }

  /**
   * Compares the cause's finding with its golden file ({@link Golden}). A file that is missing fails too, so that
   * every cause's wording is seen in review.
   */
  private List<String> checkGolden(ScenarioFile file, String description, Diagnosis d) {
    String path = Golden.pathFor(file.path());
    String expected = goldens.apply(path);
    var finding = d.findings().stream().filter(r -> r.id().equals(file.rule())).findFirst();
    if (finding.isEmpty()) {
      return List.of(); // the expectation "first" already failed and says so
    }
    String actual = Golden.render(finding.get().finding(), description);
    if (expected == null) {
      return List.of("no golden file " + path + " holds the wording of " + file.rule()
          + ": run `tokendoctor rules test --update` and review it");
    }
    List<String> diff = Golden.diff(expected, actual);
    if (diff.isEmpty()) {
      return List.of();
    }
    return List.of("the wording of " + file.rule() + " differs from " + path
        + " (a change on purpose: run `tokendoctor rules test --update`):\n        " + String.join("\n        ", diff));
  }

  /** The scenario's bundle: the sample (or inline bundle) with its changes applied. */
  public FactBundle bundleOf(Scenario s, String source) throws ScenarioException, BundleException {
    JsonNode base;
    if (s.ticket() != null) {
      base = ticketFacts(s.ticket(), source);
    } else if (s.bundle() != null) {
      try {
        base = codec.mapper().readTree(samples.read(s.bundle()));
      } catch (NoSuchFileException e) {
        throw new ScenarioException(source + ": the bundle " + s.bundle() + " is not in " + samples.description());
      } catch (IOException e) {
        throw new ScenarioException(source + ": cannot read the bundle " + s.bundle() + ": "
            + (e instanceof com.fasterxml.jackson.core.JsonProcessingException j
                ? dev.tokendoctor.bundle.JsonWords.plain(j.getOriginalMessage()) : firstLine(e.getMessage())));
      }
      if (base == null || !base.isObject()) {
        throw new ScenarioException(source + ": the bundle " + s.bundle() + " is not a JSON object");
      }
    } else if (s.given() != null) {
      base = s.given().deepCopy();
    } else {
      throw new ScenarioException(source + ": needs \"bundle\" (a file in facts-samples/) or \"given\" (an inline bundle)");
    }
    if (s.change() != null) {
      for (Map.Entry<String, JsonNode> c : s.change().entrySet()) {
        apply(base, c.getKey(), c.getValue(), source);
      }
    }
    // A field the bundle does not have is almost always a typo in "change"; ignoring it would leave the
    // scenario testing the unchanged sample, and a near miss that always passes.
    List<String> unknown = new ArrayList<>();
    FactBundle bundle = codec.read(base, source, unknown::add);
    if (!unknown.isEmpty()) {
      throw new ScenarioException(unknown.get(0).replace(": unknown field, ignored", ": the bundle has no such field")
          + (s.change() == null || s.change().isEmpty() ? "" : " (check the JSON Pointers in \"change\")"));
    }
    return bundle;
  }

  /** The facts {@code triage} reads from a ticket of {@code tickets-samples/}, as JSON so that "change" applies. */
  private JsonNode ticketFacts(String name, String source) throws ScenarioException {
    String text;
    try {
      text = TicketInput.decode(samples.readTicket(name), name);
    } catch (NoSuchFileException e) {
      throw new ScenarioException(source + ": the ticket " + name + " is not in tickets-samples/");
    } catch (IOException e) {
      throw new ScenarioException(source + ": cannot read the ticket " + name + ": " + firstLine(e.getMessage()));
    } catch (TicketInput.Unreadable e) {
      throw new ScenarioException(source + ": " + e.getMessage());
    }
    return codec.mapper().valueToTree(TicketExtractor.extract(text, name));
  }

  /** Sets (or, for null, removes) the member a JSON Pointer names; missing parents are created. */
  static void apply(JsonNode root, String pointer, JsonNode value, String source) throws ScenarioException {
    if (!pointer.startsWith("/")) {
      throw new ScenarioException(source + ": change \"" + pointer + "\" must be a JSON Pointer starting with /");
    }
    String[] parts = pointer.substring(1).split("/", -1);
    JsonNode node = root;
    for (int i = 0; i < parts.length - 1; i++) {
      String key = unescape(parts[i]);
      JsonNode next = node.isArray() ? node.get(index(key, pointer, source)) : node.get(key);
      if (next == null || next.isNull()) {
        if (!node.isObject()) {
          throw new ScenarioException(source + ": change \"" + pointer + "\": no element " + key);
        }
        next = ((ObjectNode) node).putObject(key);
      }
      node = next;
    }
    String last = unescape(parts[parts.length - 1]);
    boolean remove = value == null || value.isNull();
    if (node.isObject()) {
      if (remove) {
        ((ObjectNode) node).remove(last);
      } else {
        ((ObjectNode) node).set(last, value);
      }
    } else if (node.isArray()) {
      ArrayNode arr = (ArrayNode) node;
      if ("-".equals(last)) {
        arr.add(remove ? JsonNodeFactory.instance.nullNode() : value);
        return;
      }
      int i = index(last, pointer, source);
      if (i >= arr.size()) {
        throw new ScenarioException(source + ": change \"" + pointer + "\": index " + i + " is past the end (use - to append)");
      }
      if (remove) {
        arr.remove(i);
      } else {
        arr.set(i, value);
      }
    } else {
      throw new ScenarioException(source + ": change \"" + pointer + "\": the parent is not an object or array");
    }
  }

  private static int index(String key, String pointer, String source) throws ScenarioException {
    try {
      return Integer.parseInt(key);
    } catch (NumberFormatException e) {
      throw new ScenarioException(source + ": change \"" + pointer + "\": '" + key + "' is not an array index");
    }
  }

  private static String unescape(String s) {
    return s.replace("~1", "/").replace("~0", "~");
  }

  static List<String> check(Scenario.Expectation e, Diagnosis d) {
    List<String> failures = new ArrayList<>();
    if (e == null) {
      failures.add("the scenario has no \"expect\"");
      return failures;
    }
    List<String> ids = d.findingIds();
    Set<String> checks = d.checks().stream().map(Check::id).collect(Collectors.toSet());
    if (e.first() != null && (ids.isEmpty() || !ids.get(0).equals(e.first()))) {
      failures.add("expected " + e.first() + " first, found " + (ids.isEmpty() ? "no finding" : String.join(", ", ids)));
    }
    for (String id : e.fires()) {
      if (!ids.contains(id)) {
        failures.add("expected " + id + " to be found, found " + (ids.isEmpty() ? "no finding" : String.join(", ", ids)));
      }
    }
    for (String id : e.absent()) {
      if (ids.contains(id)) {
        failures.add("expected no " + id + ", but it was found (rank " + (ids.indexOf(id) + 1) + ")");
      }
    }
    int last = -1;
    for (String id : e.order()) {
      int at = ids.indexOf(id);
      if (at < 0) {
        failures.add("expected " + id + " in the order, but it was not found");
      } else if (at < last) {
        failures.add("expected the order " + String.join(" > ", e.order()) + ", found " + String.join(", ", ids));
        break;
      } else {
        last = at;
      }
    }
    for (String id : e.checks()) {
      if (!checks.contains(id)) {
        failures.add("expected the check " + id + " to hold, checks were " + (checks.isEmpty() ? "none" : String.join(", ", checks.stream().sorted().toList())));
      }
    }
    if (e.verdict() != null && !e.verdict().equals(d.verdict().status())) {
      failures.add("expected the verdict " + e.verdict() + ", got " + d.verdict().status());
    }
    if (Boolean.TRUE.equals(e.none()) && !ids.isEmpty()) {
      failures.add("expected no finding, found " + String.join(", ", ids));
    }
    if (e.exactly() != null && !new java.util.TreeSet<>(e.exactly()).equals(new java.util.TreeSet<>(ids))) {
      List<String> missing = e.exactly().stream().filter(id -> !ids.contains(id)).sorted().toList();
      List<String> extra = ids.stream().filter(id -> !e.exactly().contains(id)).sorted().toList();
      failures.add("expected exactly " + String.join(", ", e.exactly().stream().sorted().toList()) + "; "
          + (missing.isEmpty() ? "" : "missing " + String.join(", ", missing) + (extra.isEmpty() ? "" : "; "))
          + (extra.isEmpty() ? "" : "also found " + String.join(", ", extra)));
    }
    return failures;
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.lines().findFirst().orElse("");
  }
}
