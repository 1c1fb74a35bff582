package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.engine.KnowledgeBaseMemo;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The output of one diagnosis, on every sample, is what it was: {@code diagnose} (text, Markdown, JSON) on each
 * bundle of {@code facts-samples/}, and {@code triage} (text, JSON) on each ticket of {@code tickets-samples/},
 * compared with the snapshot in {@code src/test/resources/diagnose-output/}. Guards the engine's speed work
 * (issue 16: batch's knowledge base without the checks, metadata read once, findings merged per session), which
 * must leave every word of a one-diagnosis report alone.
 *
 * <p>A deliberate change of wording (a rule's, a template's) changes snapshots too: regenerate them with
 * {@code mvn -o test -Dtest=DiagnoseOutputSnapshotTest -Dtokendoctor.snapshots=update} and read the diff.
 */
class DiagnoseOutputSnapshotTest {
  static final Path SNAPSHOTS = Path.of("src/test/resources/diagnose-output");
  static final KnowledgeBaseMemo MEMO = new KnowledgeBaseMemo(2);
  static final boolean UPDATE = "update".equals(System.getProperty("tokendoctor.snapshots"));

  static Stream<Path> samples() throws IOException {
    List<Path> out = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      s.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
    }
    try (Stream<Path> s = Files.list(Path.of("tickets-samples"))) {
      s.filter(p -> !p.toString().endsWith(".csv")).sorted().forEach(out::add);
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void outputIsUnchanged(Path sample) throws IOException {
    boolean bundle = sample.toString().endsWith(".json");
    String command = bundle ? "diagnose" : "triage";
    StringBuilder shown = new StringBuilder();
    for (String format : bundle ? List.of("text", "markdown", "json") : List.of("text", "json")) {
      StringWriter out = new StringWriter();
      // One knowledge base for every run (as the daemon keeps it): the runs are about the output, not the loading.
      CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
          new PrintWriter(new StringWriter(), true), Map.of("TOKENDOCTOR_DAEMON", "off"), Path.of("target/test-home"),
          Path.of("").toAbsolutePath(), Clock.systemUTC(), false, MEMO);
      int code = Main.run(ctx, command, sample.toString(), "--format", format);
      shown.append("=== ").append(command).append(" --format ").append(format).append(" (exit ").append(code)
          .append(")\n").append(out);
    }
    Path snapshot = SNAPSHOTS.resolve(sample.getParent().getFileName().toString())
        .resolve(sample.getFileName().toString() + ".out");
    if (UPDATE || !Files.exists(snapshot)) {
      Files.createDirectories(snapshot.getParent());
      Files.writeString(snapshot, shown, StandardCharsets.UTF_8);
      assertThat(UPDATE).as(snapshot + " was missing: written; run again").isTrue();
    }
    assertThat(shown.toString()).as(sample.toString()).isEqualTo(Files.readString(snapshot, StandardCharsets.UTF_8));
  }
}
