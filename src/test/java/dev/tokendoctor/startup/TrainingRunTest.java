package dev.tokendoctor.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher records its class-data-sharing archive from this run and hides its failure (a run without the
 * archive is only slower), so a broken training run would go unnoticed but for this test. Each test trains in a
 * folder of its own, so what else runs on the machine cannot change its outcome.
 */
class TrainingRunTest {
  @TempDir Path parent;

  @Test
  void runsEveryTrainedCommandAndLeavesNothingBehind() throws Exception {
    List<String> ran = TrainingRun.train(parent, Path.of("facts-samples"));

    assertThat(ran).filteredOn(c -> c.startsWith("diagnose ") && c.endsWith("--format json")).hasSize(8);
    assertThat(ran).anyMatch(c -> c.contains("--rules")).contains("collect --offline", "--help")
        .last().asString().startsWith("daemon: diagnose ");
    assertThat(contents(parent)).as("the training folder is removed").isEmpty();
  }

  @Test
  void runsWithoutSamplesToo() throws Exception {
    // An installed jar has no facts-samples folder beside it: a minimal bundle stands in.
    List<String> ran = TrainingRun.train(parent, Path.of("no-such-folder"));

    assertThat(ran).filteredOn(c -> c.startsWith("diagnose ") && !c.contains("--rules"))
        .hasSize(3).allMatch(c -> c.contains("minimal.json"));
    assertThat(ran).last().asString().startsWith("daemon: diagnose ");
    assertThat(contents(parent)).isEmpty();
  }

  private static List<Path> contents(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.toList();
    }
  }
}
