package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.cli.CliContext;
import dev.tokendoctor.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Inputs for batch tests, made from the real sample bundle, and a way to run the real command in-process. */
final class BatchFixtures {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final Path SAMPLE = Path.of("facts-samples/session-token-missing.json");

  private BatchFixtures() {}

  static ObjectNode sample() throws IOException {
    return (ObjectNode) MAPPER.readTree(SAMPLE.toFile());
  }

  /** A working machine: no rule finds anything. */
  static ObjectNode healthy() throws IOException {
    return (ObjectNode) MAPPER.readTree(Path.of("facts-samples/healthy-static-keys.json").toFile());
  }

  static String line(String ticket, JsonNode bundle) {
    ObjectNode n = MAPPER.createObjectNode();
    n.put("ticket", ticket);
    n.set("bundle", bundle);
    return n.toString();
  }

  static void gzip(Path file, String text) throws IOException {
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
      out.write(text.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** A copy of the project's rules plus {@code extraFiles} (relative path to text). */
  static Path rulesWith(Path dir, Map<String, String> extraFiles) throws IOException {
    Path rules = dev.tokendoctor.TestTrees.copy(Path.of("rules"), dir.resolve("rules"));
    for (Map.Entry<String, String> e : extraFiles.entrySet()) {
      Files.writeString(rules.resolve(e.getKey()), e.getValue());
    }
    return rules;
  }

  /** The result of running the command in-process. */
  record Run(int exit, String out, String err) {}

  static Run run(Path workDir, InputStream stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(stdin, new PrintWriter(out), new PrintWriter(err), Map.of(), workDir, workDir,
        Clock.systemUTC(), false);
    int code = Main.run(ctx, args);
    return new Run(code, out.toString(), err.toString());
  }

  static Run run(Path workDir, String... args) {
    return run(workDir, new ByteArrayInputStream(new byte[0]), args);
  }

  static List<JsonNode> results(Path out) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    for (String l : Files.readAllLines(out.resolve("results.jsonl"))) {
      rows.add(MAPPER.readTree(l));
    }
    return rows;
  }
}
