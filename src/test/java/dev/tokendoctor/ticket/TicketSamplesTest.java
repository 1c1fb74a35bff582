package dev.tokendoctor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Severity;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import dev.tokendoctor.engine.KnowledgeBases;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ticket of {@code tickets-samples/} as {@code tokendoctor triage} reads and diagnoses it (the command
 * itself is {@code TriageCommandTest}'s): its known cause
 * ({@code known-causes.csv}) comes first; a thin ticket concludes no error (its error code and client are read,
 * and the verdict is never ok).
 */
class TicketSamplesTest {
  static final Path FOLDER = Path.of("tickets-samples");

  record Known(String ticket, String cause, String errorCode, String clientTool) {
    @Override
    public String toString() {
      return ticket;
    }
  }

  static Stream<Known> known() throws IOException {
    List<Known> out = new ArrayList<>();
    for (String line : Files.readAllLines(FOLDER.resolve("known-causes.csv"))) {
      if (line.isBlank() || line.startsWith("#") || line.startsWith("ticket,")) {
        continue;
      }
      String[] f = line.split(",", -1);
      out.add(new Known(f[0], f[1].isEmpty() ? null : f[1], f[2].isEmpty() ? null : f[2], f[3].isEmpty() ? null : f[3]));
    }
    return out.stream();
  }

  @Test
  void everyTicketHasAKnownCauseAndThereAreEnough() throws IOException {
    List<String> listed = known().map(Known::ticket).toList();
    try (Stream<Path> files = Files.list(FOLDER)) {
      List<String> tickets = files.map(p -> p.getFileName().toString()).filter(n -> !n.equals("known-causes.csv")).toList();
      assertThat(listed).containsExactlyInAnyOrderElementsOf(tickets);
    }
    assertThat(listed).hasSizeGreaterThanOrEqualTo(25);
  }

  private static Diagnoser diagnoser;

  static synchronized Diagnoser diagnoser() throws Exception {
    if (diagnoser == null) {
      diagnoser = new Diagnoser(KnowledgeBases.open(null, Map.of(), Path.of("").toAbsolutePath(), KnowledgeBaseMemo.NONE));
    }
    return diagnoser;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("known")
  void triageFindsTheKnownCause(Known k) throws Exception {
    FactBundle facts = TicketExtractor.extract(TicketInput.decode(Files.readAllBytes(FOLDER.resolve(k.ticket())), k.ticket()), k.ticket());
    Diagnosis d = diagnoser().diagnose(facts);
    if (k.cause() != null) {
      assertThat(d.findingIds()).as(k.ticket()).isNotEmpty();
      assertThat(d.findingIds().get(0)).as(k.ticket()).isEqualTo(k.cause());
    } else {
      assertThat(d.findings()).as("a thin ticket proves no error: %s", d.findingIds())
          .noneMatch(f -> f.finding().severity() == Severity.ERROR);
      assertThat(d.verdict().status()).isNotEqualTo("ok");
    }
    assertThat(facts.ticket()).as("every sample shows an error or names its client").isNotNull();
    assertThat(facts.ticket().errorCode()).isEqualTo(k.errorCode());
    if (k.clientTool() != null) {
      assertThat(facts.ticket().clientTool()).isEqualTo(k.clientTool());
    }
  }
}
