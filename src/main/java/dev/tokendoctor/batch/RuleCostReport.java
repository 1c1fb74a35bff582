package dev.tokendoctor.batch;

import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RuleSource;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.kie.api.runtime.KieSession;

/**
 * The per-rule cost report ({@code bench/rule-cost.sh}, issue 16): what each rule file costs a diagnosis on its own.
 * Every file is compiled alone against a trivial base (the tables, the templates and the vocabulary rules, whose
 * derived facts the cause rules match), and the sample tickets of {@code bench/batch.sh} are diagnosed on one
 * thread: the file's cost is its CPU time per ticket minus the base's, with the bytes it allocates per ticket. A file
 * whose rules fire on the reference tables alone is marked: it turns session reuse off for the whole knowledge base.
 * The whole knowledge base, and the same without its {@code .check} rules (what {@code batch} runs), are measured
 * alike. Not a test: figures depend on the machine; compare files with each other, within one run.
 */
public final class RuleCostReport {
  private RuleCostReport() {}

  /** One measured knowledge base. */
  record Cost(String name, int rules, double micros, double kilobytes, boolean tablesAlone) {}

  public static void main(String[] args) throws Exception {
    Path samples = Path.of("facts-samples");
    Path rules = Path.of("rules");
    Path work = Path.of("target/bench-rule-cost");
    int tickets = 1_000;
    int rounds = 5;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--samples" -> samples = Path.of(args[++i]);
        case "--rules" -> rules = Path.of(args[++i]);
        case "--work" -> work = Path.of(args[++i]);
        case "--tickets" -> tickets = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--only" -> only = args[++i];
        default -> throw new IllegalArgumentException("unknown argument " + args[i]);
      }
    }
    run(samples, rules, work, tickets, rounds, only, System.out);
  }

  static void run(Path samples, Path rules, Path work, int tickets, int rounds, String only, PrintStream out)
      throws Exception {
    Files.createDirectories(work);
    Path file = work.resolve("tickets.jsonl");
    BatchBenchmark.generate(samples, file, tickets);
    List<FactBundle> bundles = bundles(file);
    List<Path> drl;
    try (Stream<Path> s = Files.walk(rules)) {
      drl = s.filter(p -> p.toString().endsWith(".drl")).sorted().toList();
    }
    List<Path> base = drl.stream().filter(p -> rules.relativize(p).startsWith("vocabulary")).toList();
    out.printf(Locale.ROOT, "rule cost: %,d tickets from %s, %d rounds (median), one thread, Java %s%n", tickets, samples,
        rounds, Runtime.version());
    out.printf(Locale.ROOT, "base: the tables, the templates, %d vocabulary files and one rule that never fires%n", base.size());

    KnowledgeBase whole = compile(rules, work.resolve("kb-whole"), drl);
    // Warm the JIT on the whole knowledge base first, so that the first files measured are not measured cold.
    measure("warm-up", whole, bundles, 3);
    KnowledgeBase lean = KnowledgeBases.forRows(whole);
    KnowledgeBase baseKb = compile(rules, work.resolve("kb-base"), base);
    // Each measured twice, alternately, the better kept: a JIT still settling or a busy machine shows as two
    // figures that differ, and favours neither.
    Cost wholeCost = measure("whole knowledge base", whole, bundles, rounds);
    // as batch runs it: findings without evidence in words
    Cost forRows = measure("for batch rows: no .check or supporting rules", lean, Diagnoser.forRows(lean, () -> whole), bundles, rounds);
    Cost baseCost = measure("base", baseKb, bundles, rounds);
    wholeCost = better(wholeCost, measure(wholeCost.name(), whole, bundles, rounds));
    forRows = better(forRows, measure(forRows.name(), lean, Diagnoser.forRows(lean, () -> whole), bundles, rounds));

    List<Cost> files = new ArrayList<>();
    for (Path f : drl) {
      if (base.contains(f)) {
        continue;
      }
      String name = rules.relativize(f).toString();
      if (only != null && !name.contains(only)) {
        continue;
      }
      List<Path> with = new ArrayList<>(base);
      with.add(f);
      KnowledgeBase kb;
      try {
        kb = compile(rules, work.resolve("kb-file"), with);
      } catch (Exception e) {
        out.printf(Locale.ROOT, "%s: does not compile alone (%s)%n", name, e.getMessage().lines().findFirst().orElse(""));
        continue;
      }
      files.add(measure(name, kb, bundles, rounds));
    }
    files.sort(Comparator.comparingDouble(Cost::micros).reversed());
    baseCost = better(baseCost, measure("base", baseKb, bundles, rounds));

    double perTicket = wholeCost.micros();
    out.printf(Locale.ROOT, "%n%-58s %5s %10s %8s %10s  %s%n", "", "rules", "CPU µs/t", "share", "KB/ticket", "");
    row(out, wholeCost, perTicket, 0, 0, 0);
    row(out, forRows, perTicket, 0, 0, 0);
    out.printf(Locale.ROOT, "%-58s %5s %10.1f %7.0f%% %10.1f  %s%n", "  of which the .check and supporting rules", "",
        wholeCost.micros() - forRows.micros(), 100 * (wholeCost.micros() - forRows.micros()) / perTicket,
        wholeCost.kilobytes() - forRows.kilobytes(), "");
    row(out, baseCost, perTicket, 0, 0, 0);
    out.printf(Locale.ROOT, "%neach file alone on the base (its cost = base + file - base):%n");
    double sum = 0;
    for (Cost c : files) {
      row(out, c, perTicket, baseCost.micros(), baseCost.kilobytes(), baseCost.rules());
      sum += c.micros() - baseCost.micros();
    }
    out.printf(Locale.ROOT, "%-58s %5s %10.1f %7.0f%%%n", "sum of the files", "", sum, 100 * sum / perTicket);
    out.printf(Locale.ROOT, "(share: of the whole knowledge base's time per ticket; \"TABLES ALONE\": a rule of the file fires on"
        + " the reference tables alone, so sessions are not reused: see rules check)%n");
  }

  private static Cost better(Cost a, Cost b) {
    return a.micros() <= b.micros() ? a : b;
  }

  private static void row(PrintStream out, Cost c, double whole, double baseMicros, double baseKb, int baseRules) {
    double micros = c.micros() - baseMicros;
    out.printf(Locale.ROOT, "%-58s %5d %10.1f %7.0f%% %10.1f  %s%n", c.name(), c.rules() - baseRules, micros, 100 * micros / whole,
        c.kilobytes() - baseKb, c.tablesAlone() ? "TABLES ALONE" : "");
  }

  /** A knowledge base of {@code ruleFiles} with every other file of {@code rules} (tables, templates). */
  static KnowledgeBase compile(Path rules, Path dir, List<Path> ruleFiles) throws Exception {
    deleteTree(dir);
    try (Stream<Path> s = Files.walk(rules)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        if (p.toString().endsWith(".drl") && !ruleFiles.contains(p)) {
          continue;
        }
        Path target = dir.resolve(rules.relativize(p).toString());
        Files.createDirectories(target.getParent());
        Files.copy(p, target);
      }
    }
    // A rule that never fires, so that the base is a knowledge base even without vocabulary files.
    Files.writeString(dir.resolve("trivial-base.drl"), """
        package tokendoctor.rules;
        import dev.tokendoctor.facts.*;
        rule "trivial base"
            @kind("ranking")
        when
            StsProbe( errorCode == "never an error code" )
        then
        end
        """, StandardCharsets.UTF_8);
    return KnowledgeBaseLoader.load(RuleSource.fromDirectory(dir));
  }

  /** Median time and allocation per ticket over {@code rounds} passes, after one pass of warm-up. */
  static Cost measure(String name, KnowledgeBase base, List<FactBundle> bundles, int rounds) throws RuleFailure {
    return measure(name, base, new Diagnoser(base), bundles, rounds);
  }

  /** {@link #measure(String, KnowledgeBase, List, int)} with the diagnoser {@code d} of {@code base}. */
  static Cost measure(String name, KnowledgeBase base, Diagnoser d, List<FactBundle> bundles, int rounds) throws RuleFailure {
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long me = Thread.currentThread().getId();
    for (FactBundle b : bundles) {
      d.diagnose(b);
    }
    double[] micros = new double[rounds];
    double[] kb = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long bytes = threads.getThreadAllocatedBytes(me);
      // CPU time of this thread, not wall time: on a machine shared with other work, time spent waiting for a
      // core is not the rule's (measured with a load average of 20 on 2 cores, wall times were ten times higher).
      long start = threads.getCurrentThreadCpuTime();
      for (FactBundle b : bundles) {
        d.diagnose(b);
      }
      micros[r] = (threads.getCurrentThreadCpuTime() - start) / 1e3 / bundles.size();
      kb[r] = (threads.getThreadAllocatedBytes(me) - bytes) / 1024.0 / bundles.size();
    }
    return new Cost(name, countRules(d.knowledgeBase()), median(micros), median(kb), tablesAlone(d.knowledgeBase()));
  }

  private static int countRules(KnowledgeBase kb) {
    return (int) kb.rules().stream().filter(r -> !"trivial base".equals(r.name())).count();
  }

  /** Whether a rule fires in a session holding only the tables (nothing is fired to find out). */
  static boolean tablesAlone(KnowledgeBase kb) {
    KieSession s = kb.kieBase().newKieSession();
    try {
      kb.tableFacts().forEach(s::insert);
      boolean[] any = {false};
      s.fireAllRules(m -> {
        any[0] = true;
        return false;
      });
      return any[0];
    } finally {
      s.dispose();
    }
  }

  private static double median(double[] v) {
    double[] s = v.clone();
    Arrays.sort(s);
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  private static List<FactBundle> bundles(Path file) throws IOException {
    TicketLineParser parser = new TicketLineParser(new BundleCodec());
    List<FactBundle> out = new ArrayList<>();
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      try {
        out.add(parser.parseLine(line.getBytes(StandardCharsets.UTF_8), "bench", new ArrayList<>()).bundle());
      } catch (TicketLineParser.Unreadable e) {
        throw new IOException(e.getMessage());
      }
    }
    return out;
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
