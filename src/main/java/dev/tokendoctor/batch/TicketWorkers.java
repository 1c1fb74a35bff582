package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.differential.Differentials;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RulesException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * The worker threads of a batch run. Each takes the tickets waiting, up to {@value #CHUNK} at a time, parses them
 * all, then diagnoses them all: measured on the 2-core machine, alternating parser and rules on every ticket made
 * each evict the other's caches, and working in runs of tickets is about a fifth faster (bench/README.md). A worker never waits
 * for a run to fill: it takes what is there, so tickets that trickle in (standard input) go through one by one.
 * Whatever happens to a ticket, its result is completed, with a row or with the exception that stopped it.
 */
final class TicketWorkers implements AutoCloseable {
  /** The most tickets a worker takes at once. */
  static final int CHUNK = Integer.getInteger("tokendoctor.batch.chunk", 32);

  /**
   * A ticket on its way: the row its worker renders, awaited in input order by the writer.
   *
   * @param ticket the ticket as read
   * @param result completed by a worker with the rendered row
   */
  record Job(RawTicket ticket, CompletableFuture<Rendered> result) {
    Job(RawTicket ticket) {
      this(ticket, new CompletableFuture<>());
    }
  }

  /** A row rendered by its worker (rendering is parallel work too). */
  record Rendered(Row row, byte[] json, byte[] csv) {}

  private final TicketLineParser parser;
  private final Diagnoser diagnoser;
  private final ObjectMapper mapper;
  private final List<String> metaColumns;
  private final BlockingQueue<Job> waiting = new LinkedBlockingQueue<>();
  private final List<Thread> threads = new ArrayList<>();

  TicketWorkers(int count, TicketLineParser parser, Diagnoser diagnoser, ObjectMapper mapper) {
    this(count, parser, diagnoser, mapper, List.of());
  }

  /** {@code metaColumns}: the metadata columns of {@code results.csv} (see {@link Row#csvHeader}). */
  TicketWorkers(int count, TicketLineParser parser, Diagnoser diagnoser, ObjectMapper mapper, List<String> metaColumns) {
    this.parser = parser;
    this.diagnoser = diagnoser;
    this.mapper = mapper;
    this.metaColumns = List.copyOf(metaColumns);
    for (int i = 1; i <= count; i++) {
      Thread t = new Thread(this::loop, "batch-worker-" + i);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
  }

  /** Hands {@code job} to the next free worker. */
  void submit(Job job) {
    waiting.add(job);
  }

  /** Stops the workers; the jobs still waiting are not done (their results never complete). */
  @Override
  public void close() {
    threads.forEach(Thread::interrupt);
  }

  private void loop() {
    List<Job> chunk = new ArrayList<>(CHUNK);
    while (true) {
      try {
        chunk.add(waiting.take());
      } catch (InterruptedException e) {
        return;
      }
      waiting.drainTo(chunk, CHUNK - 1);
      try {
        work(chunk);
      } catch (RuntimeException | Error e) {
        // Not expected (every ticket's own failures are rows); the writer turns it into an error row.
        chunk.forEach(j -> j.result().completeExceptionally(e));
      }
      chunk.clear();
    }
  }

  /** Parses every ticket of {@code chunk}, then diagnoses those that parsed, completing each ticket's result. */
  private void work(List<Job> chunk) {
    Object[] parsed = new Object[chunk.size()];
    for (int i = 0; i < parsed.length; i++) {
      parsed[i] = parse(chunk.get(i).ticket());
    }
    for (int i = 0; i < parsed.length; i++) {
      Job job = chunk.get(i);
      Row row = parsed[i] instanceof TicketLineParser.Parsed p ? diagnose(job.ticket(), p) : (Row) parsed[i];
      job.result().complete(render(row));
    }
  }

  /** The ticket parsed, or its error row. */
  private Object parse(RawTicket t) {
    try {
      return parser.parse(t);
    } catch (TicketLineParser.Unreadable u) {
      return Row.failed(t.index(), u.ticketId, t.source(), u.kind, u.getMessage());
    } catch (RuntimeException | StackOverflowError e) {
      return Row.failed(t.index(), t.ticketId(), t.source(), "internal-error", t.source() + ": internal error: " + e);
    }
  }

  private Row diagnose(RawTicket t, TicketLineParser.Parsed parsed) {
    try {
      Diagnosis d = diagnoser.diagnose(parsed.bundle());
      if (!diagnoser.showsChecks() && Differentials.dependsOnChecks(parsed.bundle(), d)) {
        // The row's first question comes from candidates a check may rule out: ask the whole knowledge base.
        d = diagnoser.withChecks(parsed.bundle(), d);
      }
      return Row.diagnosed(t.index(), parsed.id(), t.source(), d, parsed.warnings(), parsed.meta(),
          Differentials.of(diagnoser.knowledgeBase(), parsed.bundle(), d), ClientTools.fromFacts(parsed.bundle()),
          WorksNow.of(parsed.bundle(), d));
    } catch (RuleFailure f) {
      return Row.failed(t.index(), parsed.id(), t.source(), "rule-failure", t.source() + ": " + f.getMessage())
          .withMeta(parsed.meta());
    } catch (RulesException f) {
      return Row.failed(t.index(), parsed.id(), t.source(), "rule-failure", t.source() + ": " + f.getMessage())
          .withMeta(parsed.meta());
    } catch (RuntimeException | StackOverflowError e) {
      return Row.failed(t.index(), parsed.id(), t.source(), "internal-error", t.source() + ": internal error: " + e)
          .withMeta(parsed.meta());
    }
  }

  Rendered render(Row row) {
    try {
      return new Rendered(row, mapper.writeValueAsBytes(row.toJson(mapper)), row.toCsv(metaColumns).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException("a row cannot be written as JSON", e);
    }
  }
}
