package dev.tokendoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped jar run as people run it, in its own JVM: on an input larger than its heap (memory does not grow
 * with the input), and stopped with a real SIGINT (Ctrl-C) then resumed (nothing lost, nothing doubled).
 */
class BatchProcessIT {
  static final Path JAR = Path.of("target/tokendoctor.jar").toAbsolutePath();
  static final ObjectMapper MAPPER = new ObjectMapper();

  @TempDir Path dir;

  @Test
  void memoryStaysBoundedOnAnInputLargerThanTheHeap() throws Exception {
    long heapMiB = 64;
    long inputBytes = 80L << 20;
    Process p = new ProcessBuilder("java", "-Xmx" + heapMiB + "m", "-XX:+UseSerialGC", "-jar", JAR.toString(),
        "batch", "-", "--out", "out", "--threads", "2")
        .directory(dir.toFile()).redirectOutput(dir.resolve("stdout").toFile())
        .redirectError(dir.resolve("stderr").toFile()).start();
    String bundle = BatchFixtures.sample().toString();
    // Pasted error text makes each line ~6 KiB, so the input outgrows the heap with a modest ticket count.
    String pasted = MAPPER.writeValueAsString("An error occurred (InvalidClientTokenId) when calling the "
        + "GetCallerIdentity operation: The security token included in the request is invalid. " + "x".repeat(4000));
    long written = 0;
    int tickets = 0;
    try (OutputStream in = new BufferedOutputStream(p.getOutputStream(), 1 << 16)) {
      while (written < inputBytes) {
        byte[] line = ("{\"ticket\":\"M-" + tickets + "\",\"error\":" + pasted + ",\"bundle\":" + bundle + "}\n")
            .getBytes(StandardCharsets.UTF_8);
        in.write(line);
        written += line.length;
        tickets++;
      }
    }
    assertThat(p.waitFor(10, TimeUnit.MINUTES)).as("batch finished").isTrue();
    String err = Files.readString(dir.resolve("stderr"));
    assertThat(p.exitValue()).as(err).isZero();
    assertThat(err).doesNotContain("OutOfMemoryError");
    assertThat(written).isGreaterThan(heapMiB << 20);
    assertThat(lineCount(dir.resolve("out/results.jsonl"))).isEqualTo(tickets);
    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    assertThat(summary.path("tickets").asLong()).isEqualTo(tickets);
    assertThat(summary.path("causes").get(0).path("first").asLong()).isEqualTo(tickets);
  }

  @Test
  void ctrlCLeavesCompleteFilesAndResumeFinishesWithoutDuplicates() throws Exception {
    int tickets = 30_000;
    Path input = dir.resolve("tickets.jsonl");
    String bundle = BatchFixtures.sample().toString();
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(input), 1 << 16)) {
      for (int i = 0; i < tickets; i++) {
        out.write(("{\"ticket\":\"C-" + i + "\",\"bundle\":" + bundle + "}\n").getBytes(StandardCharsets.UTF_8));
      }
    }
    Process p = start("batch", "tickets.jsonl", "--out", "out", "--threads", "1");
    Path progress = dir.resolve("out/progress.json");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
    while (done(progress) == 0 && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(p.isAlive()).as("still running when interrupted").isTrue();
    new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).inheritIO().start().waitFor();
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    String err = Files.readString(dir.resolve("stderr-0"));
    assertThat(p.exitValue()).as(err).isEqualTo(130);

    List<JsonNode> rows = rows(dir.resolve("out/results.jsonl"));
    long stopped = rows.size();
    assertThat(stopped).isPositive().isLessThan(tickets);
    assertThat(err).contains("interrupted after " + stopped + " tickets", "the last done was C-" + (stopped - 1),
        "--resume");
    for (int i = 0; i < rows.size(); i++) {
      assertThat(rows.get(i).path("index").asLong()).isEqualTo(i);
    }
    assertThat(lineCount(dir.resolve("out/results.csv"))).isEqualTo(stopped + 1);
    assertThat(done(progress)).isEqualTo(stopped);
    JsonNode summary = MAPPER.readTree(dir.resolve("out/summary.json").toFile());
    assertThat(summary.path("complete").asBoolean()).isFalse();
    assertThat(summary.path("tickets").asLong()).isEqualTo(stopped);
    assertThat(Files.readString(dir.resolve("out/report.html"))).contains("id=\"interrupted\"").endsWith("</html>\n");

    Process resumed = start("batch", "tickets.jsonl", "--out", "out", "--threads", "2", "--resume");
    assertThat(resumed.waitFor(10, TimeUnit.MINUTES)).isTrue();
    assertThat(resumed.exitValue()).as(Files.readString(dir.resolve("stderr-1"))).isZero();
    List<JsonNode> all = rows(dir.resolve("out/results.jsonl"));
    assertThat(all).hasSize(tickets);
    for (int i = 0; i < tickets; i++) {
      assertThat(all.get(i).path("ticket").asText()).isEqualTo("C-" + i);
    }
    assertThat(lineCount(dir.resolve("out/results.csv"))).isEqualTo(tickets + 1);
    assertThat(MAPPER.readTree(dir.resolve("out/summary.json").toFile()).path("tickets").asLong()).isEqualTo(tickets);
  }

  private int started;

  private Process start(String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of("java", "-Xmx256m", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    int n = started++;
    return new ProcessBuilder(cmd).directory(dir.toFile()).redirectOutput(dir.resolve("stdout-" + n).toFile())
        .redirectError(dir.resolve("stderr-" + n).toFile()).start();
  }

  private static long done(Path progress) {
    try {
      return MAPPER.readTree(progress.toFile()).path("done").asLong();
    } catch (IOException e) {
      return 0;
    }
  }

  private static List<JsonNode> rows(Path results) throws IOException {
    List<JsonNode> rows = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(results)) {
      String l;
      while ((l = r.readLine()) != null) {
        rows.add(MAPPER.readTree(l));
      }
    }
    return rows;
  }

  private static long lineCount(Path file) throws IOException {
    try (var lines = Files.lines(file)) {
      return lines.count();
    }
  }
}
