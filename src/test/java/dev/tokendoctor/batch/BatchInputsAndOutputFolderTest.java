package dev.tokendoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What batch does with inputs that are not plain files (FIFOs, devices, symbolic link loops) and with an output
 * folder it cannot write: never a hang, never a stack trace, one line that says how to go on.
 */
class BatchInputsAndOutputFolderTest {
  @TempDir Path dir;

  private BatchFixtures.Run runWithin(String... args) throws Exception {
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<BatchFixtures.Run> run = pool.submit(() -> BatchFixtures.run(dir, args));
      return run.get(120, TimeUnit.SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private void mkfifo(Path p) throws Exception {
    assertThat(new ProcessBuilder("mkfifo", p.toString()).start().waitFor()).isZero();
  }

  @Test
  void aFifoInAFolderIsAnErrorRowNotAHang() throws Exception {
    Path bundles = Files.createDirectories(dir.resolve("bundles"));
    Files.writeString(bundles.resolve("F-1.json"), BatchFixtures.sample().toString());
    mkfifo(bundles.resolve("F-0.json"));
    mkfifo(bundles.resolve("G.jsonl"));
    BatchFixtures.Run r = runWithin("batch", "bundles", "--out", "out", "--threads", "1");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows).extracting(n -> n.path("source").asText())
        .containsExactly("bundles/F-0.json", "bundles/F-1.json", "bundles/G.jsonl");
    assertThat(rows.get(0).path("error").path("message").asText())
        .isEqualTo("bundles/F-0.json: a FIFO (named pipe), not a ticket file; skipped");
    assertThat(rows.get(1).path("findings").get(0).path("id").asText()).isEqualTo("SESSION_TOKEN_MISSING");
  }

  @Test
  void aFifoOrADeviceGivenAsAnInputIsRefusedInOneLine() throws Exception {
    mkfifo(dir.resolve("tickets.jsonl"));
    for (String input : List.of("tickets.jsonl", "/dev/zero")) {
      BatchFixtures.Run r = runWithin("batch", input, "--out", "out-" + input.replace('/', '-'));
      assertThat(r.exit()).isEqualTo(2);
      assertThat(r.err()).startsWith("tokendoctor: error: " + input + ": a ").contains("not a file of tickets")
          .hasLineCount(1);
    }
  }

  @Test
  void symbolicLinksAreFollowedOnceAndLoopsAreNamedInAWarning() throws Exception {
    Path bundles = Files.createDirectories(dir.resolve("bundles/sub"));
    Files.writeString(bundles.resolveSibling("a.json"), BatchFixtures.sample().toString());
    Files.writeString(bundles.resolve("b.json"), BatchFixtures.healthy().toString());
    Files.createSymbolicLink(bundles.resolve("loop"), Path.of(".."));
    Files.createSymbolicLink(bundles.resolve("self"), Path.of("."));
    Files.createSymbolicLink(bundles.resolveSibling("z-alias.json"), Path.of("a.json"));
    Path outside = Files.createDirectories(dir.resolve("elsewhere"));
    Files.writeString(outside.resolve("c.json"), BatchFixtures.sample().toString());
    Files.createSymbolicLink(bundles.resolve("there"), outside);
    BatchFixtures.Run r = runWithin("batch", "bundles", "--out", "out");
    assertThat(r.exit()).as(r.err()).isZero();
    assertThat(BatchFixtures.results(dir.resolve("out"))).extracting(n -> n.path("source").asText())
        .containsExactly("bundles/a.json", "bundles/sub/b.json", "bundles/sub/there/c.json");
    assertThat(r.err()).contains(
        "batch: warning: bundles/sub/loop: a symbolic link back to bundles (a loop); not followed",
        "batch: warning: bundles/sub/self: a symbolic link back to bundles/sub (a loop); not followed",
        "batch: warning: bundles/z-alias.json: the same file as bundles/a.json (a symbolic link); read once");
  }

  @Test
  void anOutputFolderThatCannotBeWrittenIsOneLineAndExit2() throws Exception {
    // Root may write anywhere but here: sysfs refuses new files to everyone.
    BatchFixtures.Run r = runWithin("batch", BatchFixtures.SAMPLE.toAbsolutePath().toString(), "--out", "/sys/kernel");
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).startsWith("tokendoctor: error: /sys/kernel/").contains("cannot write the results: permission denied",
        "make /sys/kernel writable or choose another --out, then run the same command again").hasLineCount(1)
        .doesNotContain("Exception");
  }

  @Test
  void aFullDiskIsOneLineExit1AndSaysHowToGoOn() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    // Every write to /dev/full fails as on a full disk (ENOSPC).
    Files.createSymbolicLink(out.resolve("results.csv"), Path.of("/dev/full"));
    // Resuming a run that had done nothing yet: a folder that already holds a results.csv is otherwise refused
    // before anything is written.
    String input = BatchFixtures.SAMPLE.toAbsolutePath().toString();
    new Checkpoint(List.of(input), 0, 0, 0, false, null, null).write(out, BatchFixtures.MAPPER);
    Files.writeString(out.resolve("results.jsonl"), "");
    BatchFixtures.Run r = runWithin("batch", input, "--out", "out", "--resume");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    assertThat(r.err()).contains("cannot write the results: the disk is full; free some space, then run the same command")
        .hasLineCount(1).doesNotContain("Exception");
  }

  @Test
  void theAdviceIsToResumeOnceTicketsAreDone() throws Exception {
    Path out = Files.createDirectories(dir.resolve("out"));
    new Checkpoint(List.of("in.jsonl"), 12, 100, 100, false, "T-12", "in.jsonl:12").write(out, BatchFixtures.MAPPER);
    BatchException e = OutputFolderProblem.of(out, new java.io.IOException("No space left on device"), BatchFixtures.MAPPER);
    assertThat(e.diskFull()).isTrue();
    assertThat(e.getMessage()).endsWith("then run the same command with --resume to continue after the 12 tickets done");
  }

  @Test
  void malformedLinesAndProgressFilesAreDescribedInPlainWordsNotJacksons() throws Exception {
    Files.writeString(dir.resolve("t.jsonl"), String.join("\n",
        "{\"ticket\": \"N\", \"bundle\": {\"schemaVersion\": NaN}}",
        "{'ticket': 'Q'}",
        "{\"ticket\": \"C\", /* note */ \"bundle\": {}}",
        "{\"ticket\": \"V\", \"bundle\": {\"schemaVersion\": 1.5}}") + "\n");
    BatchFixtures.Run r = runWithin("batch", "t.jsonl", "--out", "out");
    List<JsonNode> rows = BatchFixtures.results(dir.resolve("out"));
    assertThat(rows).hasSize(4);
    assertThat(rows).extracting(n -> n.path("error").path("message").asText())
        .allSatisfy(m -> assertThat(dev.tokendoctor.bundle.JsonWords.speaksJackson(m)).as(m).isFalse())
        .anySatisfy(m -> assertThat(m).contains("NaN is not a number in JSON"))
        .anySatisfy(m -> assertThat(m).contains("comments are not allowed in JSON"))
        .anySatisfy(m -> assertThat(m).contains("$.schemaVersion: expected a whole number, got a decimal number"));

    Path broken = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(broken.resolve(Checkpoint.FILE), "{\"version\": 1, \"done\": NaN}");
    BatchFixtures.Run resumed = runWithin("batch", "t.jsonl", "--out", "broken", "--resume");
    assertThat(resumed.exit()).isEqualTo(2);
    assertThat(resumed.err()).contains("not a progress file this tool wrote (NaN is not a number in JSON").hasLineCount(1);
    assertThat(dev.tokendoctor.bundle.JsonWords.speaksJackson(resumed.err())).isFalse();
  }
}
