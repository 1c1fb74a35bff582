package dev.tokendoctor.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The launcher records its class-data-sharing archive from this run and hides its failure (a run without the
 * archive is only slower), so a broken training run would go unnoticed but for this test.
 */
class TrainingRunTest {
  @Test
  void runsEveryTrainedCommandAndLeavesNothingBehind() throws Exception {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    List<Path> before = trainingFolders(tmp);
    TrainingRun.main(new String[] {"facts-samples"});
    assertThat(trainingFolders(tmp)).containsExactlyInAnyOrderElementsOf(before);
  }

  @Test
  void runsWithoutSamplesToo() throws Exception {
    // An installed jar has no facts-samples folder beside it.
    TrainingRun.main(new String[] {"no-such-folder"});
  }

  private static List<Path> trainingFolders(Path tmp) throws Exception {
    try (Stream<Path> s = Files.list(tmp)) {
      return s.filter(p -> p.getFileName().toString().startsWith("tokendoctor-training")).toList();
    }
  }
}
