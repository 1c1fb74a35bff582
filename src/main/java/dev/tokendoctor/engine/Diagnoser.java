package dev.tokendoctor.engine;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Detail;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.DiagnosisPolicy;
import dev.tokendoctor.diagnosis.ExplainsObservedError;
import dev.tokendoctor.diagnosis.FactCoverage;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.diagnosis.SessionDrafts;
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
  /** How much of each finding is put in words. */
  private final Detail detail;

  public Diagnoser(KnowledgeBase kb) {
    this(kb, null, Detail.FULL);
  }

  private Diagnoser(KnowledgeBase kb, Supplier<KnowledgeBase> whole, Detail detail) {
    this.kb = kb;
    this.pool = kb.sessions();
    this.whole = whole;
    this.detail = detail;
  }

  /**
   * A diagnoser for output that shows no checks and no evidence ({@code batch}): it runs {@code forRows} (see
   * {@link KnowledgeBases#openForRows}), and {@code whole} (opened on first need) for the rare bundle whose
   * output depends on a check after all ({@link #withChecks}). Its findings have titles and fix steps but no
   * evidence in words ({@link Detail#SUMMARY}): a row shows none.
   */
  public static Diagnoser forRows(KnowledgeBase forRows, Supplier<KnowledgeBase> whole) {
    return new Diagnoser(forRows, whole, Detail.SUMMARY);
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
          w = new Diagnoser(whole.get(), null, detail);
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
      try {
        concluded = SessionDrafts.worded(ps.session, ps.session.getObjects(CONCLUSIONS), detail);
      } catch (RuntimeException e) {
        // a template that does not render with the values a rule passed (rules check finds most beforehand)
        throw new RuleFailure("a finding's wording failed: " + rootMessage(e), e);
      }
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
