package dev.tokendoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleSource;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Workers take tickets in runs for speed, but never wait for a run to fill: tickets that trickle in on standard
 * input (a live export piped in) each get their row while the input is still open.
 */
class BatchStreamingTest {
  @TempDir Path dir;

  @Test
  void eachTicketThatTricklesInIsDiagnosedWhileTheInputIsStillOpen() throws Exception {
    Diagnoser diagnoser = new Diagnoser(KnowledgeBaseLoader.load(RuleSource.fromDirectory(Path.of("rules"))));
    PipedOutputStream feed = new PipedOutputStream();
    PipedInputStream stdin = new PipedInputStream(feed, 1 << 20);
    BatchRun run = new BatchRun(diagnoser, new BatchRun.Options(List.of(new BatchRun.Input("-", null)),
        dir.resolve("out"), 2, false, "rules", 60_000), stdin, new PrintWriter(new StringWriter()), false,
        Clock.systemUTC());
    CompletableFuture<BatchRun.Outcome> outcome = CompletableFuture.supplyAsync(() -> {
      try {
        return run.run();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    });

    for (int i = 0; i < 3; i++) {
      feed.write((BatchFixtures.line("T-" + i, BatchFixtures.sample()) + "\n").getBytes(StandardCharsets.UTF_8));
      feed.flush();
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (run.rowsDone() < i + 1 && System.nanoTime() < deadline) {
        Thread.sleep(10);
      }
      assertThat(run.rowsDone()).as("rows written once ticket %d is in and the input still open", i).isEqualTo(i + 1);
    }
    feed.close();

    BatchRun.Outcome o = outcome.get(60, TimeUnit.SECONDS);
    assertThat(o.complete()).isTrue();
    assertThat(o.tickets()).isEqualTo(3);
    assertThat(BatchFixtures.results(dir.resolve("out"))).extracting(n -> n.path("ticket").asText())
        .containsExactly("T-0", "T-1", "T-2");
  }
}
