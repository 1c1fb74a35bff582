package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher's choice of JIT for {@code batch} (bench/batch-sizes.sh measured it): C1 alone for inputs up to 256 MiB
 * of ticket JSON, where it finishes first, the full JIT above; what it picks is read from its trace
 * ({@code bash -x}). {@code --threads 0} is refused at once, so the big inputs are never actually run.
 */
class LauncherBatchIT {
  @TempDir Path tmp;

  @Test
  void aSmallInputRunsOnC1AloneAndIsDiagnosed() throws Exception {
    Path small = tmp.resolve("small.jsonl");
    String bundle = Files.readString(Path.of("facts-samples/session-token-missing.json")).replace("\n", "");
    Files.writeString(small, "{\"ticket\":\"T-1\",\"bundle\":" + bundle + "}\n");
    Proc p = launch(Map.of(), "batch", small.toString(), "--out", tmp.resolve("out").toString());
    assertThat(p.exit()).as(p.err()).isZero();
    // A heap limit (issue 16): without one, 500,000 tickets held 600-750 MiB resident for a live heap of 27 MiB.
    assertThat(LauncherTrace.execLine(p.err())).contains("-Xmx256m -XX:TieredStopAtLevel=1 -jar");
    assertThat(Files.readAllLines(tmp.resolve("out/results.jsonl"))).hasSize(1);
  }

  @Test
  void anInputOverTheLimitGetsTheFullJit() throws Exception {
    Path big = sparse(tmp.resolve("big.jsonl"), 300L << 20);
    assertThat(LauncherTrace.execLine(trace(Map.of(), "batch", big.toString(), "--threads", "0"))).contains("-Xmx256m -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -jar ")
        .doesNotContain("TieredStopAtLevel");
    // Compressed input counts eight times its size: 40 MiB of gzip is about 320 MiB of JSON.
    Path gz = sparse(tmp.resolve("big.jsonl.gz"), 40L << 20);
    assertThat(LauncherTrace.execLine(trace(Map.of(), "batch", gz.toString(), "--threads", "0"))).doesNotContain("TieredStopAtLevel");
  }

  @Test
  void theOutputFolderStandardInputAndSmallInputsCountAsSmall() throws Exception {
    Path outDir = Files.createDirectory(tmp.resolve("out"));
    sparse(outDir.resolve("old-results.jsonl"), 300L << 20);
    Path small = Files.writeString(tmp.resolve("small.jsonl"), "\n");
    assertThat(LauncherTrace.execLine(trace(Map.of(), "batch", small.toString(), "-", "--out", outDir.toString(), "--threads", "0")))
        .contains("-XX:TieredStopAtLevel=1 -jar");
    assertThat(LauncherTrace.execLine(trace(Map.of(), "batch", "--out=" + outDir, small.toString(), "--threads", "0")))
        .contains("-XX:TieredStopAtLevel=1 -jar");
  }

  @Test
  void theVariableChoosesInstead() throws Exception {
    Path small = Files.writeString(tmp.resolve("small.jsonl"), "\n");
    assertThat(LauncherTrace.execLine(trace(Map.of("TOKENDOCTOR_BATCH_JIT", "full"), "batch", small.toString(), "--threads", "0")))
        .doesNotContain("TieredStopAtLevel");
    Path big = sparse(tmp.resolve("big.jsonl"), 300L << 20);
    assertThat(LauncherTrace.execLine(trace(Map.of("TOKENDOCTOR_BATCH_JIT", "c1"), "batch", big.toString(), "--threads", "0")))
        .contains("-XX:TieredStopAtLevel=1 -jar");
  }

  private static Path sparse(Path file, long size) throws IOException {
    try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
      f.setLength(size);
    }
    return file;
  }

  record Proc(int exit, String err) {}

  /** The launcher's trace (its standard error) for {@code args}. */
  private String trace(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    return launch(extraEnv, args).err();
  }

  private Proc launch(Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-x", Path.of("tokendoctor").toAbsolutePath().toString()));
    cmd.addAll(List.of(args));
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("HOME", tmp.toString());
    pb.environment().remove("TOKENDOCTOR_BATCH_JIT");
    pb.environment().putAll(extraEnv);
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the command finished").isTrue();
    return new Proc(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }
}
