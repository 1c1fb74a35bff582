package dev.tokendoctor.batch;

import static dev.tokendoctor.batch.BatchFixtures.MAPPER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleInfo;
import dev.tokendoctor.ticket.TicketExtractor;
import dev.tokendoctor.ticket.TicketInput;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 16: {@code batch} runs the rules without what its rows never show: the {@code .check} rules and the rules
 * that only support a finding with evidence. On every sample of {@code facts-samples/} and {@code tickets-samples/},
 * that knowledge base concludes the same verdict, findings (titles and fix steps; rows show no evidence) and
 * ranking as the whole one, and batch's result rows come out byte-identical (a row whose first question depends
 * on a check is made by the whole base).
 */
class BatchRowsKnowledgeBaseTest {
  static final Path FACTS = Path.of("facts-samples");
  static final Path TICKETS = Path.of("tickets-samples");

  static KnowledgeBase whole;
  static KnowledgeBase forRows;

  @BeforeAll
  static void open() throws Exception {
    Path here = Path.of("").toAbsolutePath();
    whole = KnowledgeBases.open(null, Map.of(), here, KnowledgeBaseMemo.NONE);
    forRows = KnowledgeBases.openForRows(null, Map.of(), here, KnowledgeBaseMemo.NONE);
  }

  @Test
  void theBatchKnowledgeBaseLeavesOutTheChecksAndTheSupportingRules() {
    assertThat(whole.rules()).anyMatch(r -> r.metadata().check());
    assertThat(forRows.rules()).noneMatch(r -> r.metadata().check());
    List<RuleInfo> left = whole.rules().stream().filter(r -> !r.metadata().check() && !forRows.rules().contains(r)).toList();
    // what else is left out: variants of a cause (only @id), never a form, a vocabulary or a ranking rule
    assertThat(left).hasSizeGreaterThan(50).allSatisfy(r -> {
      assertThat(r.metadata().cause()).as(r.name()).isTrue();
      assertThat(r.name()).as(r.name()).isNotEqualTo(r.metadata().id()).startsWith(r.metadata().id()).contains(": ");
    });
    assertThat(forRows.rules()).containsExactlyElementsOf(
        whole.rules().stream().filter(r -> !r.metadata().check() && !left.contains(r)).toList());
    assertThat(forRows.kieBase().getKiePackages().stream().mapToInt(p -> p.getRules().size()).sum())
        .isEqualTo(forRows.rules().size());
  }

  @Test
  void everySampleConcludesTheSameForRows() throws Exception {
    // Both as rows show them (no evidence in words); no fall-back to the whole base for the checks here.
    Diagnoser all = Diagnoser.forRows(whole, () -> whole);
    Diagnoser lean = Diagnoser.forRows(forRows, () -> whole);
    Diagnoser fullWords = new Diagnoser(whole);
    Map<String, FactBundle> samples = samples();
    assertThat(samples).hasSizeGreaterThan(60);
    int withChecks = 0;
    int withSupport = 0;
    for (Map.Entry<String, FactBundle> e : samples.entrySet()) {
      Diagnosis a = all.diagnose(e.getValue());
      Diagnosis b = lean.diagnose(e.getValue());
      assertThat(b.verdict()).as(e.getKey()).isEqualTo(a.verdict());
      assertThat(b.findings()).as(e.getKey()).isEqualTo(a.findings());
      assertThat(b.observedErrors()).as(e.getKey()).isEqualTo(a.observedErrors());
      assertThat(b.checks()).as(e.getKey()).isEmpty();
      withChecks += a.checks().isEmpty() ? 0 : 1;
      // the same findings as a full diagnosis, but for their words of evidence
      Diagnosis f = fullWords.diagnose(e.getValue());
      assertThat(b.findings()).extracting(r -> r.id() + " " + r.score() + " " + r.finding().title() + " " + r.finding().remediation())
          .as(e.getKey()).containsExactlyElementsOf(f.findings().stream()
              .map(r -> r.id() + " " + r.score() + " " + r.finding().title() + " " + r.finding().remediation()).toList());
      withSupport += f.firedRules().stream().anyMatch(n -> forRows.rules().stream().noneMatch(r -> r.name().equals(n))
          && whole.rules().stream().anyMatch(r -> r.name().equals(n) && !r.metadata().check())) ? 1 : 0;
    }
    assertThat(withChecks).as("samples on which a check holds (what the comparison is about)").isGreaterThan(10);
    assertThat(withSupport).as("samples on which a supporting rule fires (what the comparison is about)").isGreaterThan(10);
  }

  @Test
  void batchRowsAreByteIdenticalForRows(@TempDir Path tmp) throws Exception {
    Path input = tmp.resolve("tickets.jsonl");
    // Every bundle sample three times (every third line with a pasted error), then every text ticket.
    long bundles;
    try (Stream<Path> s = Files.list(FACTS)) {
      bundles = s.filter(p -> p.toString().endsWith(".json")).count();
    }
    BatchBenchmark.generate(FACTS, input, (int) bundles * 3);
    StringBuilder text = new StringBuilder();
    for (Path p : ticketFiles()) {
      ObjectNode line = MAPPER.createObjectNode().put("ticket", p.getFileName().toString())
          .put("text", Files.readString(p, StandardCharsets.UTF_8));
      text.append(MAPPER.writeValueAsString(line)).append('\n');
    }
    Files.writeString(input, text, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);

    byte[] expected = batch(new Diagnoser(whole), input, tmp.resolve("whole"));
    byte[] actual = batch(Diagnoser.forRows(forRows, () -> whole), input, tmp.resolve("for-rows"));
    assertThat(new String(actual, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    assertThat(new String(expected, StandardCharsets.UTF_8).lines().count()).isEqualTo(bundles * 3 + ticketFiles().size());
  }

  private static byte[] batch(Diagnoser diagnoser, Path input, Path out) throws Exception {
    BatchRun run = new BatchRun(diagnoser,
        new BatchRun.Options(List.of(new BatchRun.Input(input.toString(), input)), out, 2, false, "rules", 10_000,
            CsvColumns.DEFAULT, false, null),
        new ByteArrayInputStream(new byte[0]), new PrintWriter(new StringWriter()), false, Clock.systemUTC());
    run.run();
    return Files.readAllBytes(out.resolve(BatchRun.RESULTS));
  }

  /** Every bundle sample, and every text ticket as the ticket extractors read it, by file name. */
  static Map<String, FactBundle> samples() throws Exception {
    Map<String, FactBundle> out = new java.util.TreeMap<>();
    BundleCodec codec = new BundleCodec();
    try (Stream<Path> s = Files.list(FACTS)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        out.put(p.toString(), codec.read(Files.readAllBytes(p), p.toString(), w -> {}));
      }
    }
    for (Path p : ticketFiles()) {
      String name = p.getFileName().toString();
      out.put(p.toString(), TicketExtractor.extract(TicketInput.decode(Files.readAllBytes(p), name), name));
    }
    return out;
  }

  static List<Path> ticketFiles() throws IOException {
    try (Stream<Path> s = Files.list(TICKETS)) {
      return s.filter(p -> !p.getFileName().toString().endsWith(".csv")).sorted().toList();
    }
  }
}
