package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tokendoctor.batch.TicketWorkers.Job;
import dev.tokendoctor.batch.TicketWorkers.Rendered;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleLimits;
import dev.tokendoctor.engine.Diagnoser;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One batch run: a reader thread streams tickets from the inputs, {@link TicketWorkers} parse and diagnose them
 * against one shared {@link Diagnoser}, and the calling thread writes their rows in input order. Tickets in
 * flight are bounded (a window of rows and a budget of line bytes), so memory does not grow with the input.
 * {@link #requestStop()} (Ctrl-C) stops reading, lets the tickets in flight finish, and leaves valid files and a
 * checkpoint behind.
 */
public final class BatchRun {
  /** Rows per cause named in the report; the rest are counted. */
  static final int LISTED = 500;
  /** Bytes of ticket lines in flight at most, in KiB. */
  static final int BUDGET_KIB = 64 * 1024;
  /** How often the result files are flushed and the checkpoint written. */
  static final Duration CHECKPOINT_EVERY = Duration.ofSeconds(1);

  static final String RESULTS = "results.jsonl";
  static final String CSV = "results.csv";
  static final String SUMMARY = "summary.json";
  static final String REPORT = "report.html";

  /**
   * What to run.
   *
   * @param inputs the inputs, as given and resolved
   * @param outDir the output folder
   * @param threads worker threads
   * @param resume continue the interrupted run in {@code outDir}
   * @param rules where the rules came from, for the report
   * @param progressEveryMillis how often a plain progress line is printed off a terminal
   * @param csv the columns of CSV exports among the inputs
   * @param force replace the results of an earlier run in {@code outDir}
   * @param ticketUrl where the report links each ticket id, or {@code null}
   */
  public record Options(List<Input> inputs, Path outDir, int threads, boolean resume, String rules,
      long progressEveryMillis, CsvColumns csv, boolean force, TicketUrl ticketUrl) {
    public Options {
      inputs = List.copyOf(inputs);
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1");
      }
      csv = csv == null ? CsvColumns.DEFAULT : csv;
    }

    public Options(List<Input> inputs, Path outDir, int threads, boolean resume, String rules, long progressEveryMillis) {
      this(inputs, outDir, threads, resume, rules, progressEveryMillis, CsvColumns.DEFAULT, false, null);
    }
  }

  /**
   * An input.
   *
   * @param name as given on the command line ({@code -} for standard input)
   * @param path resolved, {@code null} for standard input
   */
  public record Input(String name, Path path) {}

  /**
   * How a run ended.
   *
   * @param tickets rows in the results (including those of earlier, resumed runs)
   * @param errors error rows among them
   * @param noFinding diagnosed rows with no finding
   * @param complete every input ticket has its row
   * @param lastTicket the last ticket done, or {@code null}
   * @param lastSource where it was read, or {@code null}
   * @param outDir the output folder
   * @param alreadyComplete {@code --resume} found nothing left to do
   * @param topCauses the most frequent first causes, most frequent first, {@code ID count} each
   * @param worksNow rows whose credentials work now (not among {@code noFinding})
   */
  public record Outcome(long tickets, long errors, long noFinding, boolean complete, String lastTicket,
      String lastSource, Path outDir, boolean alreadyComplete, List<String> topCauses, long worksNow) {}

  private final Diagnoser diagnoser;
  private final Options options;
  private final InputStream stdin;
  private final PrintWriter err;
  private final boolean terminal;
  private final Clock clock;
  private final ObjectMapper mapper = JsonMapper.builder().build();
  private final BundleCodec codec = new BundleCodec();
  private final TicketLineParser parser = new TicketLineParser(codec);
  private final CountDownLatch finished = new CountDownLatch(1);
  private final AtomicLong done = new AtomicLong();
  private volatile boolean stopRequested;

  public BatchRun(Diagnoser diagnoser, Options options, InputStream stdin, PrintWriter err, boolean terminal,
      Clock clock) {
    this.diagnoser = diagnoser;
    this.options = options;
    this.stdin = stdin;
    this.err = err;
    this.terminal = terminal;
    this.clock = clock;
  }

  /** Asks the run to stop after the tickets in flight (what Ctrl-C does); returns at once. */
  public void requestStop() {
    stopRequested = true;
  }

  /** Rows written so far, those of an earlier run that this one resumes included. */
  long rowsDone() {
    return done.get();
  }

  /** Waits until the run has left its files in order; true if it did within {@code timeout}. */
  public boolean awaitFinished(Duration timeout) throws InterruptedException {
    return finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static final Job END = new Job(null, null);

  public Outcome run() throws BatchException, IOException, InterruptedException {
    try {
      return doRun();
    } catch (IOException e) {
      throw OutputFolderProblem.of(options.outDir(), e, mapper);
    } finally {
      finished.countDown();
    }
  }

  private Outcome doRun() throws BatchException, IOException, InterruptedException {
    Path out = options.outDir();
    List<String> names = options.inputs().stream().map(Input::name).toList();
    checkInputs();
    List<String> metaColumns = metaColumns();
    clearEarlierRun(out);
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new BatchException(out + ": cannot create the output folder: " + e.getMessage());
    }
    Checkpoint cp;
    try {
      cp = Checkpoint.read(out, mapper);
    } catch (IOException e) {
      throw new BatchException(e.getMessage());
    }
    Instant started = clock.instant();
    Tally tally = new Tally(LISTED);
    long skip = 0;
    long resultsBytes = 0;
    long csvBytes = 0;
    if (options.resume()) {
      if (cp == null) {
        throw new BatchException(out + ": no run to resume here (no " + Checkpoint.FILE + "); run without --resume");
      }
      if (!cp.inputs().equals(names)) {
        throw new BatchException("--resume: the inputs must be those of the interrupted run: " + String.join(" ", cp.inputs()));
      }
      skip = cp.done();
      resultsBytes = cp.resultsBytes();
      csvBytes = cp.csvBytes();
      recount(out.resolve(RESULTS), resultsBytes, skip, tally);
      if (cp.complete()) {
        done.set(tally.tickets);
        finish(out, tally, started, true, 0, 0);
        return outcome(tally, true, true);
      }
    }
    done.set(skip);

    List<TicketReader.Input> readerInputs = options.inputs().stream()
        .map(i -> new TicketReader.Input(i.name(), i.path())).toList();
    TicketReader reader = new TicketReader(readerInputs, stdin, (int) BundleLimits.DEFAULT.maxBytes(), options.csv(),
        w -> err.println("batch: warning: " + w));
    Progress progress = new Progress(err, terminal, TicketReader.totalBytes(readerInputs), reader::bytesRead,
        done::get, options.progressEveryMillis());

    long startNanos = System.nanoTime();
    long diagnosedNow;
    boolean complete;
    try (LineSink results = new LineSink(out.resolve(RESULTS), resultsBytes);
        LineSink csv = new LineSink(out.resolve(CSV), csvBytes)) {
      if (csvBytes == 0) {
        csv.line(Row.csvHeader(metaColumns).getBytes(StandardCharsets.UTF_8));
      }
      checkpoint(out, results, csv, tally, false);
      progress.start();
      complete = pipeline(reader, skip, cp, results, csv, tally, out, metaColumns);
      diagnosedNow = tally.tickets - skip;
      checkpoint(out, results, csv, tally, complete);
    } finally {
      progress.stop();
    }
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    finish(out, tally, started, complete, seconds, diagnosedNow);
    return outcome(tally, complete, false);
  }

  /** Reads, diagnoses and writes; true when every ticket of the inputs has its row. */
  private boolean pipeline(TicketReader reader, long skip, Checkpoint cp, LineSink results, LineSink csv,
      Tally tally, Path out, List<String> metaColumns) throws IOException, InterruptedException, BatchException {
    int threads = options.threads();
    int window = Math.max(256, threads * 64);
    // Rows in input order: the writer below takes them from here as their workers finish them.
    BlockingQueue<Job> queue = new ArrayBlockingQueue<>(window);
    Semaphore budget = new Semaphore(BUDGET_KIB);
    TicketWorkers workers = new TicketWorkers(threads, parser, diagnoser, mapper, metaColumns);
    String[] readerProblem = new String[1];
    boolean[] readToEnd = new boolean[1];
    long[] seen = new long[1];
    Thread readerThread = new Thread(() -> {
      try {
        reader.read(t -> {
          seen[0] = t.index() + 1;
          if (t.index() < skip) {
            if (t.index() == skip - 1 && cp != null && cp.lastSource() != null && !cp.lastSource().equals(t.source())) {
              readerProblem[0] = "--resume: the inputs changed since the interrupted run (ticket " + skip + " was read from "
                  + cp.lastSource() + ", now it is " + t.source() + ")";
              return false;
            }
            return true;
          }
          if (stopRequested) {
            return false;
          }
          budget.acquire(t.weightKiB());
          Job job = new Job(t);
          queue.put(job);
          workers.submit(job);
          return true;
        });
        readToEnd[0] = !stopRequested && readerProblem[0] == null;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException | Error e) {
        readerProblem[0] = "reading the input failed: " + e;
      } finally {
        try {
          queue.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "batch-reader");
    readerThread.setDaemon(true);
    readerThread.start();

    long nextCheckpoint = System.nanoTime() + CHECKPOINT_EVERY.toNanos();
    try {
      while (true) {
        Job p = queue.take();
        if (p == END) {
          break;
        }
        Rendered r = collect(p, workers);
        results.line(r.json());
        csv.line(r.csv());
        tally.add(r.row());
        done.incrementAndGet();
        budget.release(p.ticket().weightKiB());
        if (System.nanoTime() >= nextCheckpoint) {
          checkpoint(out, results, csv, tally, false);
          nextCheckpoint = System.nanoTime() + CHECKPOINT_EVERY.toNanos();
        }
      }
    } finally {
      workers.close();
    }
    readerThread.join();
    if (readerProblem[0] != null) {
      throw new BatchException(readerProblem[0]);
    }
    if (readToEnd[0] && seen[0] < skip) {
      throw new BatchException("--resume: the inputs hold " + seen[0] + " tickets, fewer than the " + skip
          + " the interrupted run had done: they changed");
    }
    return readToEnd[0];
  }

  private static Rendered collect(Job p, TicketWorkers workers) throws InterruptedException {
    try {
      return p.result().get();
    } catch (ExecutionException e) {
      RawTicket t = p.ticket();
      return workers.render(Row.failed(t.index(), t.ticketId(), t.source(), "internal-error",
          t.source() + ": internal error: " + e.getCause()));
    }
  }

  private void checkpoint(Path out, LineSink results, LineSink csv, Tally tally, boolean complete) throws IOException {
    results.flush();
    csv.flush();
    results.sync();
    csv.sync();
    Row last = tally.last;
    new Checkpoint(options.inputs().stream().map(Input::name).toList(), tally.tickets, results.length(), csv.length(),
        complete, last == null ? null : last.ticket(), last == null ? null : last.source()).write(out, mapper);
  }

  /** Counts the rows an earlier run wrote, so the summary of a resumed run covers every ticket. */
  private void recount(Path results, long bytes, long expected, Tally tally) throws BatchException, IOException {
    if (bytes == 0) {
      if (expected != 0) {
        throw new BatchException(results + ": missing or empty, but " + Checkpoint.FILE + " says " + expected + " tickets were done");
      }
      return;
    }
    if (!Files.exists(results) || Files.size(results) < bytes) {
      throw new BatchException(results + ": shorter than " + Checkpoint.FILE + " says; cannot resume");
    }
    try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(results))) {
      TicketReader.Lines lines = new TicketReader.Lines(new Limited(in, bytes), Integer.MAX_VALUE);
      byte[] line;
      while ((line = lines.next()) != null) {
        JsonNode n = mapper.readTree(line);
        tally.add(Row.fromJson(n));
      }
    }
    if (tally.tickets != expected) {
      throw new BatchException(results + ": holds " + tally.tickets + " rows where " + Checkpoint.FILE + " says "
          + expected + "; cannot resume");
    }
  }

  private void finish(Path out, Tally tally, Instant started, boolean complete, double seconds, long now)
      throws IOException {
    RunInfo info = new RunInfo(options.inputs().stream().map(Input::name).toList(), options.rules(),
        options.threads(), started, clock.instant(), complete, seconds, now);
    BundleCodec.writeAtomically(out.resolve(SUMMARY),
        mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(SummaryJson.of(tally, info, mapper)));
    BundleCodec.writeAtomically(out.resolve(REPORT), HtmlReport.render(tally, info, options.ticketUrl()).getBytes(StandardCharsets.UTF_8));
  }

  private Outcome outcome(Tally t, boolean complete, boolean already) {
    List<String> top = t.causesByFrequency().stream().filter(c -> c.first > 0).limit(5)
        .map(c -> c.id + " " + c.first).toList();
    return new Outcome(t.tickets, t.errors, t.noFinding, complete, t.last == null ? null : t.last.ticket(),
        t.last == null ? null : t.last.source(), options.outDir(), already, top, t.worksNow);
  }

  /** The files a run writes in its output folder. */
  static final List<String> OUTPUTS = List.of(RESULTS, CSV, SUMMARY, REPORT, Checkpoint.FILE);

  /**
   * A new run never mixes its rows with an earlier run's: results in the output folder are continued with
   * {@code --resume}, replaced with {@code --force}, and otherwise refused before anything is written.
   */
  private void clearEarlierRun(Path out) throws BatchException, IOException {
    if (options.resume()) {
      if (options.force()) {
        throw new BatchException("--resume and --force: choose one (continue the earlier run, or replace it)");
      }
      return;
    }
    List<String> found = OUTPUTS.stream().filter(f -> Files.exists(out.resolve(f), java.nio.file.LinkOption.NOFOLLOW_LINKS))
        .toList();
    if (found.isEmpty()) {
      return;
    }
    if (!options.force()) {
      throw new BatchException(out + " already holds the results of a run (" + String.join(", ", found)
          + "): continue it with --resume, replace it with --force, or choose another --out");
    }
    for (String f : found) {
      Files.deleteIfExists(out.resolve(f));
    }
  }

  /**
   * The metadata columns of {@code results.csv}: those named, else those of the CSV exports among the inputs
   * (their headers are read now, so a missing id or text column is refused before anything is written).
   */
  private List<String> metaColumns() throws BatchException {
    if (!options.csv().meta().isEmpty()) {
      return options.csv().meta();
    }
    java.util.LinkedHashSet<String> columns = new java.util.LinkedHashSet<>();
    for (Input i : options.inputs()) {
      if (i.path() != null && Files.isRegularFile(i.path()) && TicketReader.isCsvName(i.path())) {
        CsvColumns.Resolved r = CsvTickets.header(i.path(), i.name(), options.csv());
        r.meta().forEach(m -> columns.add(r.names().get(m)));
      }
    }
    return List.copyOf(columns);
  }

  private void checkInputs() throws BatchException {
    long stdins = options.inputs().stream().filter(i -> i.path() == null).count();
    if (stdins > 1) {
      throw new BatchException("- (standard input) can be given once");
    }
    if (options.inputs().isEmpty()) {
      throw new BatchException("no input: give JSON Lines files, CSV exports, folders of bundles, or - for standard input");
    }
    for (Input i : options.inputs()) {
      if (i.path() != null && !Files.exists(i.path())) {
        throw new BatchException(i.name() + ": no such file or folder");
      }
      if (i.path() != null && !Files.isReadable(i.path())) {
        throw new BatchException(i.name() + ": cannot be read");
      }
      String odd = i.path() == null ? null : dev.tokendoctor.bundle.InputFiles.oddKind(i.path());
      if (odd != null && !dev.tokendoctor.bundle.InputFiles.isDescriptor(i.path())) {
        // A FIFO blocks until someone writes to it, /dev/zero never ends: neither is a file of tickets.
        throw new BatchException(i.name() + ": " + odd + ", not a file of tickets; give files, folders, or - for standard input");
      }
    }
  }

  /** The first {@code limit} bytes of a stream. */
  private static final class Limited extends java.io.FilterInputStream {
    private long left;

    Limited(InputStream in, long limit) {
      super(in);
      left = limit;
    }

    @Override
    public int read() throws IOException {
      if (left <= 0) {
        return -1;
      }
      int b = super.read();
      if (b >= 0) {
        left--;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (left <= 0) {
        return -1;
      }
      int n = super.read(b, off, (int) Math.min(len, left));
      if (n > 0) {
        left -= n;
      }
      return n;
    }
  }
}
