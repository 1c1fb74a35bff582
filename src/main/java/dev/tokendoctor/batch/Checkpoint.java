package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.bundle.BundleCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code progress.json} in the output folder: how far a run got, so {@code --resume} continues it. The result
 * files are cut back to the lengths recorded here (anything written after the last checkpoint is written
 * again), and the first {@code done} tickets of the same inputs are skipped: no ticket is lost or doubled.
 *
 * @param inputs the inputs, as given on the command line
 * @param done how many tickets have their row
 * @param resultsBytes the length of {@code results.jsonl} that holds exactly those rows
 * @param csvBytes the length of {@code results.csv} that holds the header and exactly those rows
 * @param complete every ticket of the inputs has its row
 * @param lastTicket the last ticket done (to say where the run stopped), or {@code null}
 * @param lastSource where that ticket was read, or {@code null}
 */
record Checkpoint(List<String> inputs, long done, long resultsBytes, long csvBytes, boolean complete,
    String lastTicket, String lastSource) {

  static final String FILE = "progress.json";

  Checkpoint {
    inputs = List.copyOf(inputs);
  }

  void write(Path outDir, ObjectMapper mapper) throws IOException {
    ObjectNode n = mapper.createObjectNode();
    n.put("version", 1);
    inputs.forEach(n.putArray("inputs")::add);
    n.put("done", done);
    n.put("resultsBytes", resultsBytes);
    n.put("csvBytes", csvBytes);
    n.put("complete", complete);
    n.put("lastTicket", lastTicket);
    n.put("lastSource", lastSource);
    BundleCodec.writeAtomically(outDir.resolve(FILE),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(n));
  }

  /** The checkpoint in {@code outDir}, or {@code null} when there is none. */
  static Checkpoint read(Path outDir, ObjectMapper mapper) throws IOException {
    JsonNode n;
    try {
      n = mapper.readTree(Files.readAllBytes(outDir.resolve(FILE)));
    } catch (NoSuchFileException e) {
      return null;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IOException(outDir.resolve(FILE) + ": not a progress file this tool wrote ("
          + dev.tokendoctor.bundle.JsonWords.plain(e.getOriginalMessage()) + ")");
    }
    if (n == null || !n.isObject() || n.path("version").asInt() != 1) {
      throw new IOException(outDir.resolve(FILE) + ": not a progress file this tool wrote");
    }
    List<String> inputs = new ArrayList<>();
    n.path("inputs").forEach(i -> inputs.add(i.asText()));
    return new Checkpoint(inputs, n.path("done").asLong(), n.path("resultsBytes").asLong(),
        n.path("csvBytes").asLong(), n.path("complete").asBoolean(), text(n, "lastTicket"), text(n, "lastSource"));
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }
}
