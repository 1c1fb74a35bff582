package dev.tokendoctor.cli;

import dev.tokendoctor.batch.BatchException;
import dev.tokendoctor.batch.BatchRun;
import dev.tokendoctor.batch.CsvColumns;
import dev.tokendoctor.batch.TicketUrl;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RulesException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "batch",
    description = {
      "Diagnose many tickets: JSON Lines files (one {\"ticket\": \"ID\", \"bundle\": {...}} per line, optionally "
          + "with \"error\": \"pasted error text\" or \"context\": {...}; or {\"ticket\": \"ID\", \"text\": \"the "
          + "ticket's text\"}, with or without a bundle; other plain members such as \"created\" or \"customer\" "
          + "are metadata), help-desk CSV exports (*.csv: a header, one ticket per record), folders of bundle "
          + "files (*.json), or - for standard input; gzip is read as is.",
      "Writes results.jsonl, results.csv, summary.json and report.html to the output folder, in input order. "
          + "Every ticket gets one row; one that cannot be diagnosed gets an error row and the run goes on.",
      "Ctrl-C stops cleanly: the files hold what was done, and --resume continues from there. An output folder "
          + "that holds results is never written into without --resume or --force."},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:every ticket was diagnosed",
      "1:every ticket has its row, and some are error rows (tickets that could not be diagnosed)",
      "2:bad usage or bad input (no such input, rules that do not compile, results of another run in the way)",
      "3:internal error",
      "130:interrupted (Ctrl-C); run again with --resume"})
final class BatchCommand implements Callable<Integer> {
  /** How long Ctrl-C waits for the tickets in flight and the files before the process ends anyway. */
  static final Duration STOP_GRACE = Duration.ofSeconds(30);
  static final int INTERRUPTED = 130;

  private final CliContext ctx;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "JSON Lines files, CSV exports, folders of bundles, or - for standard input.")
  List<String> inputs = new ArrayList<>();

  @Option(names = "--rules", paramLabel = "DIR", description = "Use the rules in DIR instead of the built-in ones (also: TOKENDOCTOR_RULES).")
  Path rules;

  @Option(names = "--out", paramLabel = "DIR", description = "The output folder (default: ${DEFAULT-VALUE}).", defaultValue = "tokendoctor-batch")
  String out;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  Integer threads;

  @Option(names = "--resume", description = "Continue the interrupted run in the output folder (same inputs).")
  boolean resume;

  @Option(names = "--force", description = "Replace the results of an earlier run in the output folder.")
  boolean force;

  @Option(names = "--id-column", paramLabel = "NAME",
      description = "CSV: the ticket id column (default: the first of ticket, Ticket ID, Issue key, Id, Case Number, Number...).")
  String idColumn;

  @Option(names = "--text-column", paramLabel = "NAME", split = ",",
      description = "CSV: the text column(s), joined (default: Subject or Summary, then Description, Body, Text, Comment...).")
  List<String> textColumns = new ArrayList<>();

  @Option(names = "--meta-columns", paramLabel = "NAME", split = ",",
      description = "The metadata to carry to the results and the summary (default: every other CSV column, and every "
          + "plain member of a JSON line).")
  List<String> metaColumns = new ArrayList<>();

  @Option(names = "--ticket-url", paramLabel = "URL",
      description = "Link each ticket id in report.html to the help desk: an http(s) address with {id} once, "
          + "e.g. 'https://desk.example/tickets/{id}' (the id is URL-encoded).")
  String ticketUrl;

  @Mixin CommonOptions common;

  BatchCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, RulesException, IOException, InterruptedException {
    int n = threads == null ? Runtime.getRuntime().availableProcessors() : threads;
    if (n < 1) {
      throw new UsageException("--threads must be at least 1, not " + n);
    }
    TicketUrl links;
    try {
      links = ticketUrl == null ? null : TicketUrl.parse(ticketUrl);
    } catch (BatchException e) {
      throw new UsageException(e.getMessage());
    }
    List<BatchRun.Input> resolved = new ArrayList<>();
    for (String in : inputs) {
      resolved.add(new BatchRun.Input(in, "-".equals(in) ? null : ctx.resolve(in)));
    }
    Path rulesDir = rules == null ? null : ctx.resolve(rules.toString());
    // Rows show no checks: batch runs the rules without them (a quarter of a diagnosis), and the whole rules
    // only for a ticket whose row depends on a check (see Diagnoser.forRows).
    KnowledgeBase kb = KnowledgeBases.openForRows(rulesDir, ctx.env(), ctx.workingDir(), ctx.knowledgeBases());
    Supplier<KnowledgeBase> whole = () -> {
      try {
        return KnowledgeBases.open(rulesDir, ctx.env(), ctx.workingDir(), ctx.knowledgeBases());
      } catch (RulesException e) {
        throw new IllegalStateException("the rules compiled without their checks but not whole: " + e.getMessage(), e);
      }
    };
    Path outDir = ctx.resolve(out);
    BatchRun run = new BatchRun(Diagnoser.forRows(kb, whole),
        new BatchRun.Options(resolved, outDir, n, resume, kb.source().description(), 10_000,
            new CsvColumns(idColumn, textColumns, metaColumns), force, links),
        ctx.stdin(), ctx.err(), ctx.terminal(), ctx.clock());
    // Ctrl-C starts the JVM's shutdown; the hook asks the run to stop and holds the JVM until the files are
    // whole and the user has been told where the run stopped.
    CountDownLatch over = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      run.requestStop();
      try {
        over.await(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "batch-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    try {
      return runAndReport(run);
    } finally {
      over.countDown();
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // Shutting down already: the hook is running and has just been released.
      }
    }
  }

  private int runAndReport(BatchRun run) throws UsageException, IOException, InterruptedException {
    BatchRun.Outcome o;
    try {
      o = run.run();
    } catch (BatchException e) {
      if (e.diskFull()) {
        ctx.err().println("tokendoctor: error: " + e.getMessage());
        ctx.err().flush();
        return ExitCodes.PROBLEM;
      }
      throw new UsageException(e.getMessage());
    }
    String where = o.outDir() + "/";
    if (o.alreadyComplete()) {
      ctx.err().println("batch: the run in " + where + " was already complete (" + o.tickets()
          + " tickets); summary.json and report.html were written again");
    } else if (!o.complete()) {
      ctx.err().println("batch: interrupted after " + o.tickets() + " tickets"
          + (o.lastTicket() == null ? "" : "; the last done was " + o.lastTicket() + " (" + o.lastSource() + ")")
          + ". " + where + " holds complete files for those; run the same command with --resume to continue.");
    }
    ctx.out().println(o.tickets() + " tickets: " + (o.tickets() - o.errors() - o.noFinding() - o.worksNow())
        + " with a finding, "
        + o.noFinding() + " with none, " + (o.worksNow() == 0 ? "" : o.worksNow() + " whose credentials work now, ")
        + o.errors() + " could not be diagnosed"
        + (o.topCauses().isEmpty() ? "" : "; most likely causes: " + String.join(", ", o.topCauses())));
    ctx.out().println("results: " + where + "results.jsonl, results.csv, summary.json, report.html");
    ctx.out().flush();
    ctx.err().flush();
    if (!o.complete()) {
      return INTERRUPTED;
    }
    return o.errors() > 0 ? ExitCodes.PROBLEM : ExitCodes.OK;
  }
}
