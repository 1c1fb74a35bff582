package dev.tokendoctor.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleFailure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every member of every sample bundle, mutated in every way a broken or hostile bundle can be (null, an empty
 * object, an empty array, a value of the wrong type, the member left out): each mutant is either refused with one
 * line naming a JSON path (exit 2) or diagnosed cleanly. None reaches the rules in a shape they cannot handle
 * (exit 3, "a rule failed"). Diagnosed in this process against one knowledge base, so that the tens of thousands
 * of mutants run in well under a minute.
 */
class BundleFuzzTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  /** A refusal names where: the source, then a JSON path. */
  private static final Pattern REFUSAL = Pattern.compile("^fuzz: \\$[.\\[\\w\\]]*: [^\\n]+$");

  /** The mutations, by name: each replaces a member's value (null means: leave the member out). */
  static final Map<String, UnaryOperator<JsonNode>> MUTATIONS = new LinkedHashMap<>();

  static {
    MUTATIONS.put("null", v -> F.nullNode());
    MUTATIONS.put("{}", v -> F.objectNode());
    MUTATIONS.put("[]", v -> F.arrayNode());
    MUTATIONS.put("wrong type", BundleFuzzTest::wrongType);
    MUTATIONS.put("missing", v -> null);
  }

  private static JsonNode wrongType(JsonNode v) {
    if (v.isTextual()) {
      return F.numberNode(12345);
    }
    if (v.isNumber()) {
      return F.textNode("12x");
    }
    if (v.isBoolean()) {
      return F.textNode("yes");
    }
    if (v.isArray()) {
      return F.textNode("a list");
    }
    return F.booleanNode(true);
  }

  /** One mutant: where, how, and the document. */
  record Mutant(String sample, String path, String mutation, byte[] json) {}

  @Test
  void everyMutantOfEverySampleIsRefusedWithAPathOrDiagnosedNeverARuleFailure() throws Exception {
    // The built-in knowledge base, compiled when the jar was built: the same rules as rules/.
    Diagnoser diagnoser = new Diagnoser(KnowledgeBases.open(null, Map.of(), Path.of(""), KnowledgeBaseMemo.NONE));
    BundleCodec codec = new BundleCodec();
    List<Path> samples;
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThan(40);
    List<String> failures = new ArrayList<>();
    // Many mutants read as the same bundle (null and missing, most often): each distinct one is diagnosed once.
    java.util.Set<FactBundle> diagnosed = new java.util.HashSet<>();
    int mutants = 0;
    int refused = 0;
    for (Path sample : samples) {
      JsonNode root = MAPPER.readTree(sample.toFile());
      for (Mutant m : mutants(sample.getFileName().toString(), root)) {
        mutants++;
        FactBundle bundle;
        try {
          bundle = codec.read(m.json(), "fuzz", w -> { });
        } catch (BundleException e) {
          refused++;
          if (!REFUSAL.matcher(e.getMessage()).matches()) {
            failures.add(m.sample() + " " + m.path() + " = " + m.mutation() + ": refused without a path: " + e.getMessage());
          }
          continue;
        }
        if (!diagnosed.add(bundle)) {
          continue;
        }
        try {
          diagnoser.diagnose(bundle);
        } catch (RuleFailure | RuntimeException e) {
          failures.add(m.sample() + " " + m.path() + " = " + m.mutation() + ": " + e.getMessage());
        }
      }
    }
    System.out.printf("BundleFuzzTest: %d mutants of %d samples, %d refused, %d distinct diagnosed, %.1f s of CPU%n",
        mutants, samples.size(), refused, diagnosed.size(),
        java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1e9);
    assertThat(mutants).as("mutants").isGreaterThan(20_000);
    assertThat(refused).as("some mutants are refused, some diagnosed").isBetween(1, mutants - 1);
    assertThat(failures).as(failures.size() + " of " + mutants + " mutants").isEmpty();
  }

  /** Every mutation of every member (object member or array element) of {@code root}, the root excepted. */
  static List<Mutant> mutants(String sample, JsonNode root) {
    List<Mutant> out = new ArrayList<>();
    List<String[]> paths = new ArrayList<>();
    collect(root, "$", paths);
    for (String[] p : paths) {
      for (Map.Entry<String, UnaryOperator<JsonNode>> m : MUTATIONS.entrySet()) {
        JsonNode copy = root.deepCopy();
        if (mutate(copy, p, 1, m.getValue())) {
          try {
            out.add(new Mutant(sample, String.join("", p), m.getKey(), MAPPER.writeValueAsBytes(copy)));
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        }
      }
    }
    return out;
  }

  /** Paths as steps: "$", ".name", "[3]". */
  private static void collect(JsonNode node, String path, List<String[]> out) {
    collect(node, new ArrayList<>(List.of(path)), out);
  }

  private static void collect(JsonNode node, List<String> steps, List<String[]> out) {
    if (node.isObject()) {
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        String name = it.next();
        steps.add("." + name);
        out.add(steps.toArray(String[]::new));
        collect(node.get(name), steps, out);
        steps.remove(steps.size() - 1);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        steps.add("[" + i + "]");
        out.add(steps.toArray(String[]::new));
        collect(node.get(i), steps, out);
        steps.remove(steps.size() - 1);
      }
    }
  }

  private static boolean mutate(JsonNode node, String[] steps, int i, UnaryOperator<JsonNode> how) {
    String step = steps[i];
    boolean member = step.startsWith(".");
    String name = member ? step.substring(1) : null;
    int index = member ? -1 : Integer.parseInt(step.substring(1, step.length() - 1));
    JsonNode child = member ? node.get(name) : node.get(index);
    if (i < steps.length - 1) {
      return mutate(child, steps, i + 1, how);
    }
    JsonNode replacement = how.apply(child);
    if (member && replacement == null) {
      ((ObjectNode) node).remove(name);
    } else if (member) {
      ((ObjectNode) node).set(name, replacement);
    } else if (replacement == null) {
      ((ArrayNode) node).remove(index);
    } else {
      ((ArrayNode) node).set(index, replacement);
    }
    return true;
  }
}
