package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What one session's rules have concluded so far (the draft finding of each cause, by id) and the wording of its
 * knowledge base. Kept in the session's own environment, so that a firing finds both with one map look-up: no
 * scan of the session's facts (tables included) for the cause's draft, and no lock on the registry of wordings
 * (issue 16: concluding costs in proportion to the findings, not to the facts or the rules).
 */
public final class SessionDrafts {
  private static final String KEY = "dev.tokendoctor.drafts";

  final Wording wording;
  final Map<String, CauseDraft> byCause = new HashMap<>();

  private SessionDrafts(Wording wording) {
    this.wording = wording;
  }

  /** Gives {@code session} its drafts, with the wording of its rules (once, when the session is made). */
  public static void attach(KieRuntime session, Wording wording) {
    session.getEnvironment().set(KEY, new SessionDrafts(wording));
  }

  /** Forgets the drafts: the session's facts were deleted for the next bundle. */
  public static void clear(KieRuntime session) {
    if (session.getEnvironment().get(KEY) instanceof SessionDrafts d) {
      d.byCause.clear();
    }
  }

  /**
   * What the rules of {@code session} concluded ({@code concluded}, read from the session), with each cause
   * finding in words as {@code detail} asks: while the rules fire, a finding holds no words (only what the
   * ranking rules match), so that a firing costs no rendering and an output renders only what it shows.
   */
  public static List<Object> worded(KieRuntime session, Collection<?> concluded, Detail detail) {
    // not concluded.size(): the session's collection is a view that counts by walking every fact, tables included
    List<Object> out = new ArrayList<>();
    Map<String, CauseDraft> drafts = session.getEnvironment().get(KEY) instanceof SessionDrafts d ? d.byCause : Map.of();
    for (Object o : concluded) {
      CauseDraft c = o instanceof Finding f ? drafts.get(f.id()) : null;
      out.add(c != null && c.current() == o ? c.worded(detail) : o);
    }
    return out;
  }

  /** The drafts of the session {@code kcontext} runs in; made on first use in a session nobody attached them to. */
  static SessionDrafts of(RuleContext kcontext) {
    KieRuntime rt = kcontext.getKieRuntime();
    if (rt.getEnvironment().get(KEY) instanceof SessionDrafts d) {
      return d;
    }
    SessionDrafts d = new SessionDrafts(Wording.lookUp(kcontext));
    rt.getEnvironment().set(KEY, d);
    return d;
  }
}
