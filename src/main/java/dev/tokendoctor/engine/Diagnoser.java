package dev.tokendoctor.engine;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.DiagnosisPolicy;
import dev.tokendoctor.diagnosis.ExplainsObservedError;
import dev.tokendoctor.diagnosis.FactCoverage;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.diagnosis.Score;
import dev.tokendoctor.diagnosis.Superseded;
import dev.tokendoctor.facts.CollectorRun;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.kie.api.runtime.ObjectFilter;

/**
 * Runs the knowledge base over one bundle: inserts the tables and the bundle's facts into a fresh session,
 * fires the rules, and reads back what they concluded. What comes first and the verdict are decided by the
 * ranking rules ({@code rules/ranking/}) and {@link DiagnosisPolicy}, nowhere here.
 * Thread-safe: one diagnoser serves every thread of a batch run; each call uses a session of its own, taken
 * from a pool of sessions that already hold the tables.
 */
public final class Diagnoser {
  /** A rule set that keeps firing is a bug in a rule; stop it rather than hang a batch run. */
  static final int MAX_FIRINGS = 20_000;

  private final KnowledgeBase kb;
  private final SessionPool pool;
  /** The whole knowledge base, when {@code kb} leaves the checks out; {@code null} when {@code kb} is whole. */
  private final Supplier<KnowledgeBase> whole;
  private volatile Diagnoser withChecks;

  public Diagnoser(KnowledgeBase kb) {
    this(kb, null);
  }

  private Diagnoser(KnowledgeBase kb, Supplier<KnowledgeBase> whole) {
    this.kb = kb;
    this.pool = kb.sessions();
    this.whole = whole;
  }

  /**
   * A diagnoser for output that shows no checks ({@code batch}): it runs {@code withoutChecks} (see
   * {@link KnowledgeBases#openWithoutChecks}), and {@code whole} (opened on first need) for the rare bundle whose
   * output depends on a check after all ({@link #withChecks}).
   */
  public static Diagnoser withoutChecks(KnowledgeBase withoutChecks, Supplier<KnowledgeBase> whole) {
    return new Diagnoser(withoutChecks, whole);
  }

  /** Whether this diagnoser's diagnoses hold the checks. */
  public boolean showsChecks() {
    return whole == null;
  }

  /**
   * {@code bundle} diagnosed with the checks: {@code d} itself when this diagnoser runs them, else a diagnosis by
   * the whole knowledge base (the differential of an unexplained refusal leaves out the causes a check ruled out).
   */
  public Diagnosis withChecks(FactBundle bundle, Diagnosis d) throws RuleFailure {
    if (whole == null) {
      return d;
    }
    Diagnoser w = withChecks;
    if (w == null) {
      synchronized (this) {
        w = withChecks;
        if (w == null) {
          w = new Diagnoser(whole.get());
          withChecks = w;
        }
      }
    }
    return w.diagnose(bundle);
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
      || o instanceof Score || o instanceof Superseded || o instanceof ObservedError
      || o instanceof ExplainsObservedError;

  private static Diagnosis conclude(FactBundle bundle, List<Object> concluded, List<String> fired) {
    // Sessions return objects in no stable order; sort by content so output never flickers (see ConclusionOrder).
    DiagnosisPolicy.Outcome outcome = DiagnosisPolicy.decide(ConclusionOrder.sorted(concluded),
        FactCoverage.of(bundle.collectors(), bundle.stsProbes()));
    return new Diagnosis(outcome.verdict(), outcome.findings(), outcome.checks(), outcome.observedErrors(),
        unknowns(bundle), fired, bundle.schemaVersion() == null ? 0 : bundle.schemaVersion());
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

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage().lines().findFirst().orElse(""));
  }

}
