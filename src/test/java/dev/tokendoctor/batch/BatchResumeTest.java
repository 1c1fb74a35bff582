package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.BatchFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped half-way (as Ctrl-C stops it) leaves whole, valid files; {@code --resume} finishes it with every
 * ticket exactly once, in order, even when the files hold more than the checkpoint vouches for.
 */
class BatchResumeTest {
  static final int TICKETS = 40;
  static final int STOP_AFTER = 15;

  @TempDir Path dir;

  @Test
  void stopThenResumeGivesEveryTicketExactlyOnceInOrder() throws Exception {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < TICKETS; i++) {
      lines.add(BatchFixtures.line("T-" + i, i % 4 == 3 ? BatchFixtures.healthy() : BatchFixtures.sample()));
    }
    lines.set(7, "{ broken");
    Path out = dir.resolve("out");
    Diagnoser diagnoser = new Diagnoser(KnowledgeBaseLoader.load(RuleSource.fromDirectory(Path.of("rules"))));
    BatchRun[] run = new BatchRun[1];
    InputStream stdin = new LineByLine(lines, STOP_AFTER, () -> run[0].requestStop());
    StringWriter err = new StringWriter();
    run[0] = new BatchRun(diagnoser, new BatchRun.Options(List.of(new BatchRun.Input("-", null)), out, 2, false,
        "rules", 60_000), stdin, new PrintWriter(err), false, Clock.systemUTC());

    BatchRun.Outcome first = run[0].run();

    assertThat(first.complete()).isFalse();
    assertThat(first.tickets()).isEqualTo(STOP_AFTER);
    assertThat(first.lastTicket()).isEqualTo("T-14");
    assertThat(first.lastSource()).isEqualTo("<stdin>:15");
    assertThat(BatchFixtures.results(out)).extracting(n -> n.path("ticket").asText())
        .containsExactlyElementsOf(expectedTickets(STOP_AFTER));
    assertThat(Files.readAllLines(out.resolve("results.csv"))).hasSize(STOP_AFTER + 1);
    JsonNode summary = MAPPER.readTree(out.resolve("summary.json").toFile());
    assertThat(summary.path("complete").asBoolean()).isFalse();
    assertThat(summary.path("stoppedAfter").path("ticket").asText()).isEqualTo("T-14");
    assertThat(summary.path("tickets").asLong()).isEqualTo(STOP_AFTER);
    assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"interrupted\"", "T-14");

    // Not resumed: the unfinished run is not overwritten.
    BatchFixtures.Run fresh = BatchFixtures.run(dir, stdinOf(lines), "batch", "-", "--out", "out");
    assertThat(fresh.exit()).isEqualTo(2);
    assertThat(fresh.err()).contains("already holds the results of a run (results.jsonl", "--resume", "--force");
    // Resumed with other inputs: refused.
    Files.writeString(dir.resolve("other.jsonl"), lines.get(0) + "\n");
    BatchFixtures.Run other = BatchFixtures.run(dir, "batch", "other.jsonl", "--out", "out", "--resume");
    assertThat(other.exit()).isEqualTo(2);
    assertThat(other.err()).contains("the inputs must be those of the interrupted run");

    // As if killed after the last checkpoint: a row and half a row more than it vouches for.
    Files.writeString(out.resolve("results.jsonl"), "{\"ticket\":\"T-15\",\"source\":\"<stdin>:16\"}\n{\"tick",
        StandardOpenOption.APPEND);
    Files.writeString(out.resolve("results.csv"), "T-15,<stdin>:16,problem\n", StandardOpenOption.APPEND);

    BatchFixtures.Run resumed = BatchFixtures.run(dir, stdinOf(lines), "batch", "-", "--out", "out", "--resume");

    assertThat(resumed.exit()).as(resumed.err()).isEqualTo(1);
    List<JsonNode> rows = BatchFixtures.results(out);
    assertThat(rows).extracting(n -> n.path("ticket").asText()).containsExactlyElementsOf(expectedTickets(TICKETS));
    assertThat(rows).extracting(n -> n.path("index").asLong())
        .containsExactlyElementsOf(IntStream.range(0, TICKETS).mapToObj(i -> (long) i).toList());
    assertThat(rows.get(7).path("error").path("kind").asText()).isEqualTo("malformed-line");
    List<String> csv = Files.readAllLines(out.resolve("results.csv"));
    assertThat(csv).hasSize(TICKETS + 1);
    assertThat(csv.subList(1, csv.size())).extracting(l -> l.substring(0, l.indexOf(',')))
        .containsExactlyElementsOf(expectedTickets(TICKETS));
    JsonNode done = MAPPER.readTree(out.resolve("summary.json").toFile());
    assertThat(done.path("complete").asBoolean()).isTrue();
    assertThat(done.path("tickets").asLong()).isEqualTo(TICKETS);
    assertThat(done.path("errors").asLong()).isEqualTo(1);
    assertThat(done.path("noFinding").asLong()).isEqualTo(9);
    assertThat(Files.readString(out.resolve("report.html"))).doesNotContain("id=\"interrupted\"");

    BatchFixtures.Run again = BatchFixtures.run(dir, stdinOf(lines), "batch", "-", "--out", "out", "--resume");
    assertThat(again.exit()).isEqualTo(1);
    assertThat(again.err()).contains("already complete");
    assertThat(BatchFixtures.results(out)).hasSize(TICKETS);
  }

  private static List<String> expectedTickets(int n) {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add(i == 7 ? "<stdin>:8" : "T-" + i);
    }
    return ids;
  }

  private static InputStream stdinOf(List<String> lines) {
    return new ByteArrayInputStream((String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** Standard input that hands out one line per read, and calls {@code after} once {@code n} lines are out. */
  private static final class LineByLine extends InputStream {
    private final List<byte[]> lines = new ArrayList<>();
    private final int n;
    private final Runnable after;
    private int next;
    private int pos;

    LineByLine(List<String> text, int n, Runnable after) {
      text.forEach(l -> lines.add((l + "\n").getBytes(StandardCharsets.UTF_8)));
      this.n = n;
      this.after = after;
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (next == n && pos == 0) {
        after.run();
      }
      if (next >= lines.size()) {
        return -1;
      }
      byte[] line = lines.get(next);
      int k = Math.min(len, line.length - pos);
      System.arraycopy(line, pos, b, off, k);
      pos += k;
      if (pos == line.length) {
        next++;
        pos = 0;
      }
      return k;
    }
  }
}
