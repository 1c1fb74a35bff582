package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The batch benchmark ({@code bench/batch.sh}): generates a ticket file from the sample bundles and prints, in
 * one run, tickets per second for the floor (the same file only read and parsed into bundles with
 * {@link BundleCodec}, one thread, no rules), for {@code batch} on one thread and on all cores, and the ratio
 * batch / floor. Not a test: figures depend on the machine; the ratio is what to watch.
 */
public final class BatchBenchmark {
  private BatchBenchmark() {}

  public static void main(String[] args) throws Exception {
    Integer tickets = null;
    boolean text = false;
    Path samples = Path.of("facts-samples");
    Path rules = Path.of("rules");
    Path work = Path.of("target/bench");
    Path only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--generate-only" -> only = Path.of(args[++i]);
        case "--text" -> text = true;
        case "--tickets" -> tickets = Integer.parseInt(args[++i]);
        case "--samples" -> samples = Path.of(args[++i]);
        case "--rules" -> rules = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    if (text) {
      // bench/batch-text.sh: text tickets against bundles.
      TextBatchBenchmark.run(tickets == null ? 5_000 : tickets, samples, rules,
          work.equals(Path.of("target/bench")) ? Path.of("target/bench-text") : work, System.out);
      return;
    }
    if (tickets == null) {
      tickets = 100_000;
    }
    if (only != null) {
      // For bench/batch-sizes.sh: just the ticket file.
      generate(samples, only, tickets);
      return;
    }
    Files.createDirectories(work);
    int cores = Runtime.getRuntime().availableProcessors();
    Path file = work.resolve("tickets.jsonl");
    Path warm = work.resolve("warmup.jsonl");
    int nSamples = generate(samples, file, tickets);
    generate(samples, warm, Math.min(tickets, 20_000));
    System.out.printf(Locale.ROOT, "input: %,d tickets from %d samples in %s (%,d MiB), %d cores, Java %s%n",
        tickets, nSamples, samples, Files.size(file) >> 20, cores, Runtime.version());

    long t0 = System.nanoTime();
    KnowledgeBase kb = KnowledgeBaseLoader.load(RuleSource.fromDirectory(rules));
    System.out.printf(Locale.ROOT, "knowledge base: %d rules, built in %.2f s%n", kb.rules().size(), (System.nanoTime() - t0) / 1e9);

    floor(warm);
    double floor = floor(file);
    // As batch runs: without the checks (rows never show them). -Dtokendoctor.bench.checks=true measures the
    // whole knowledge base instead (issue 16's "before").
    boolean checks = Boolean.getBoolean("tokendoctor.bench.checks");
    Diagnoser diagnoser = checks ? new Diagnoser(kb) : Diagnoser.forRows(KnowledgeBases.forRows(kb), () -> kb);
    System.out.printf(Locale.ROOT, "knowledge base run: %s%n", checks ? "whole (with the checks)" : "for rows (no .check or supporting rules), as batch runs");
    batch(diagnoser, warm, work.resolve("out-warm"), cores);
    double one = batch(diagnoser, file, work.resolve("out-1"), 1);
    double all = batch(diagnoser, file, work.resolve("out-all"), cores);

    System.out.printf(Locale.ROOT, "%-44s %,12.0f tickets/s%n", "floor: read + parse to bundles, 1 thread", floor);
    System.out.printf(Locale.ROOT, "%-44s %,12.0f tickets/s%n", "batch, 1 thread", one);
    System.out.printf(Locale.ROOT, "%-44s %,12.0f tickets/s%n", "batch, all cores (" + cores + " threads)", all);
    System.out.printf(Locale.ROOT, "ratio batch(all cores)/floor = %.2f  (target >= 0.33: within 3x of the floor)%n", all / floor);
    System.out.printf(Locale.ROOT, "ratio batch(1 thread)/floor  = %.2f%n", one / floor);
    System.out.printf(Locale.ROOT, "peak RSS %s, heap limit %,d MiB (issue 16: batch runs with -Xmx256m; target < 300 MiB at 500k tickets)%n",
        peakRss(), Runtime.getRuntime().maxMemory() >> 20);
  }

  /** This process's peak resident memory (VmHWM, Linux), in MiB; "unknown" elsewhere. */
  static String peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return String.format(Locale.ROOT, "%,d MiB", Long.parseLong(line.replaceAll("\\D", "")) >> 10);
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return "unknown";
  }

  /** Writes {@code n} ticket lines cycling over the samples, every third with pasted error text. */
  static int generate(Path samples, Path file, int n) throws IOException {
    ObjectMapper mapper = new BundleCodec().mapper();
    List<JsonNode> bundles = new ArrayList<>();
    try (Stream<Path> s = Files.list(samples)) {
      for (Path p : s.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
        bundles.add(mapper.readTree(p.toFile()));
      }
    }
    if (bundles.isEmpty()) {
      throw new IOException(samples + ": no sample bundles (*.json)");
    }
    try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
      for (int i = 0; i < n; i++) {
        ObjectNode line = mapper.createObjectNode();
        line.put("ticket", String.format(Locale.ROOT, "T-%07d", i));
        line.set("bundle", bundles.get(i % bundles.size()));
        if (i % 3 == 0) {
          line.put("error", "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: "
              + "The security token included in the request is invalid.");
        }
        out.write(mapper.writeValueAsBytes(line));
        out.write('\n');
      }
    }
    return bundles.size();
  }

  /** The floor: the same file read and parsed into bundles on one thread, nothing else. */
  static double floor(Path file) throws IOException {
    TicketLineParser parser = new TicketLineParser(new BundleCodec());
    long n = 0;
    long start = System.nanoTime();
    try (InputStream in = Files.newInputStream(file)) {
      TicketReader.Lines lines = new TicketReader.Lines(TicketReader.decompressed(in), Integer.MAX_VALUE);
      byte[] line;
      while ((line = lines.next()) != null) {
        try {
          if (parser.parseLine(line, "bench", new ArrayList<>()).bundle() != null) {
            n++;
          }
        } catch (TicketLineParser.Unreadable e) {
          throw new IllegalStateException(e.getMessage());
        }
      }
    }
    return n / ((System.nanoTime() - start) / 1e9);
  }

  static double batch(Diagnoser diagnoser, Path file, Path out, int threads) throws Exception {
    deleteTree(out);
    BatchRun run = new BatchRun(diagnoser,
        new BatchRun.Options(List.of(new BatchRun.Input(file.toString(), file)), out, threads, false, "bench", 3_600_000),
        InputStream.nullInputStream(), new PrintWriter(Writer.nullWriter()), false, Clock.systemUTC());
    long start = System.nanoTime();
    BatchRun.Outcome o = run.run();
    double secs = (System.nanoTime() - start) / 1e9;
    if (!o.complete() || o.errors() > 0) {
      throw new IllegalStateException("the benchmark run did not diagnose every ticket: " + o);
    }
    return o.tickets() / secs;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
