package dev.tokendoctor.engine;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Confidence;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.diagnosis.Score;
import dev.tokendoctor.diagnosis.Severity;
import dev.tokendoctor.diagnosis.Superseded;
import dev.tokendoctor.diagnosis.Verdict;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.StsProbe;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.runtime.ObjectFilter;

/**
 * Runs the knowledge base over one bundle: inserts the tables and the bundle's facts into a fresh session,
 * fires the rules, and reads back what they concluded. The order of findings is the ranking rules' scores
 * (see {@code rules/ranking/}); Java only adds them up and breaks ties by id so the order is stable.
 * Thread-safe: one diagnoser serves every thread of a batch run; each call uses a session of its own, taken
 * from a pool of sessions that already hold the tables.
 */
public final class Diagnoser {
  /** A rule set that keeps firing is a bug in a rule; stop it rather than hang a batch run. */
  static final int MAX_FIRINGS = 20_000;

  private final KnowledgeBase kb;
  private final SessionPool pool;

  public Diagnoser(KnowledgeBase kb) {
    this.kb = kb;
    this.pool = kb.sessions();
  }

  public KnowledgeBase knowledgeBase() {
    return kb;
  }

  /** Diagnoses one bundle. A rule that throws surfaces as {@link RuleFailure}. */
  public Diagnosis diagnose(FactBundle bundle) throws RuleFailure {
    PooledSession ps = pool.borrow(kb);
    boolean clean = false;
    List<Object> concluded;
    List<String> fired = ps.fired;
    try {
      for (Object fact : bundle.facts()) {
        ps.session.insert(fact);
      }
      int count;
      try {
        count = ps.session.fireAllRules(MAX_FIRINGS);
      } catch (RuntimeException | StackOverflowError | LinkageError e) {
        // LinkageError: a consequence, or a constraint Drools compiled, calling a method that is not there.
        String rule = fired.isEmpty() ? "a rule" : "after rule \"" + fired.get(fired.size() - 1) + "\"";
        throw new RuleFailure("a rule failed (" + rule + "): " + rootMessage(e), e);
      }
      if (count >= MAX_FIRINGS) {
        throw new RuleFailure("the rules fired " + MAX_FIRINGS + " times without settling (a rule loops?)", null);
      }
      concluded = new ArrayList<>(ps.session.getObjects(CONCLUSIONS));
      fired = List.copyOf(fired);
      clean = ps.reset();
    } finally {
      pool.giveBack(kb, ps, clean);
    }
    return conclude(bundle, concluded, fired);
  }

  private static final ObjectFilter CONCLUSIONS = o -> o instanceof Finding || o instanceof Check
      || o instanceof Score || o instanceof Superseded || o instanceof ObservedError;

  private static Diagnosis conclude(FactBundle bundle, List<Object> concluded, List<String> fired) {
    Map<String, Finding> findings = new LinkedHashMap<>();
    Map<String, Check> checks = new LinkedHashMap<>();
    Map<String, Integer> scores = new TreeMap<>();
    Map<String, List<String>> reasons = new TreeMap<>();
    Map<String, String> supersededBy = new TreeMap<>();
    Set<ObservedError> observed = new LinkedHashSet<>();
    Set<Score> distinctScores = new LinkedHashSet<>();
    // Sessions return objects in no stable order; sort by content so output never flickers (see ConclusionOrder).
    for (Object o : ConclusionOrder.sorted(concluded)) {
      if (o instanceof Finding f) {
        findings.merge(f.id(), f, Diagnoser::merge);
      } else if (o instanceof Check c) {
        checks.merge(c.id() + "\u0000" + c.title(), c, (a, b) -> new Check(a.id(), a.title(),
            union(a.evidence(), b.evidence()), a.ruleFile()));
      } else if (o instanceof Score s && distinctScores.add(s)) {
        // A reason counts once per finding, however often its rule fired (a finding concluded from two
        // sources, or an error observed both by a probe and in the ticket).
        scores.merge(s.findingId(), s.points(), Integer::sum);
        reasons.computeIfAbsent(s.findingId(), k -> new ArrayList<>())
            .add((s.points() >= 0 ? "+" : "") + s.points() + " " + s.reason());
      } else if (o instanceof Superseded s) {
        supersededBy.merge(s.findingId(), s.by(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      } else if (o instanceof ObservedError e) {
        observed.add(e);
      }
    }
    Set<String> observedCodes = new LinkedHashSet<>();
    observed.forEach(e -> observedCodes.add(e.code()));
    List<RankedFinding> ranked = new ArrayList<>();
    for (Finding f : findings.values()) {
      boolean explains = f.explains().stream().anyMatch(observedCodes::contains);
      ranked.add(new RankedFinding(f, scores.getOrDefault(f.id(), 0), reasons.getOrDefault(f.id(), List.of()),
          explains, supersededBy.get(f.id())));
    }
    ranked.sort(Comparator.comparingInt(RankedFinding::score).reversed()
        .thenComparing(r -> r.finding().severity())
        .thenComparing(RankedFinding::id));
    // Checks that rule out a cause which was nevertheless found would confuse; keep only consistent ones.
    List<Check> keptChecks = checks.values().stream().filter(c -> !findings.containsKey(c.id()))
        .sorted(Comparator.comparing(Check::title)).toList();
    List<String> unknowns = unknowns(bundle);
    return new Diagnosis(verdict(bundle, ranked, observed, unknowns), ranked, keptChecks, List.copyOf(observed), unknowns,
        fired, bundle.schemaVersion() == null ? 0 : bundle.schemaVersion());
  }

  private static Verdict verdict(
      FactBundle bundle, List<RankedFinding> ranked, Set<ObservedError> observed, List<String> unknowns) {
    RankedFinding top = ranked.isEmpty() ? null : ranked.get(0);
    if (top != null && ranked.stream().anyMatch(r -> r.finding().severity() == Severity.ERROR)) {
      return new Verdict("problem", top.finding().title());
    }
    if (top != null && top.finding().severity() == Severity.WARNING) {
      return new Verdict("warning", top.finding().title());
    }
    if (!observed.isEmpty()) {
      ObservedError e = observed.iterator().next();
      return new Verdict("inconclusive",
          "AWS refused the credentials (" + e.code() + ") but no known cause matches the facts collected");
    }
    StsProbe works = bundle.stsProbes().stream().filter(p -> p.primary() && p.ok()).findFirst().orElse(null);
    if (works != null) {
      return new Verdict("ok", "No problem found: AWS accepts these credentials"
          + (works.callerArn() == null ? "" : " (" + works.callerArn() + ")"));
    }
    return new Verdict("ok", unknowns.isEmpty() ? "No problem found in the facts collected"
        : "No problem found in what could be collected");
  }

  private static List<String> unknowns(FactBundle bundle) {
    List<String> out = new ArrayList<>();
    for (CollectorRun run : bundle.collectors()) {
      if (!run.ok()) {
        out.add(run.name() + ": " + run.status() + (run.detail() == null ? "" : " (" + run.detail() + ")"));
      }
    }
    return out;
  }

  /**
   * One cause concluded by several rules (its main form and a smell form, say): the strongest form gives the
   * title, severity and confidence, as in the ranking rules; what each form explains or supersedes adds up.
   */
  private static Finding merge(Finding a, Finding b) {
    Finding lead = b.severity().compareTo(a.severity()) < 0
        || (b.severity() == a.severity() && b.confidence().compareTo(a.confidence()) < 0) ? b : a;
    Finding other = lead == a ? b : a;
    Confidence confidence = a.confidence().compareTo(b.confidence()) <= 0 ? a.confidence() : b.confidence();
    return new Finding(lead.id(), lead.title(), lead.severity(), confidence,
        new LinkedHashSet<>(union(List.copyOf(lead.explains()), List.copyOf(other.explains()))),
        new LinkedHashSet<>(union(List.copyOf(lead.supersedes()), List.copyOf(other.supersedes()))),
        union(lead.evidence(), other.evidence()), union(lead.remediation(), other.remediation()),
        union(lead.sources(), other.sources()), lead.ruleFile());
  }

  private static <T> List<T> union(List<T> a, List<T> b) {
    LinkedHashSet<T> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
  }

}
