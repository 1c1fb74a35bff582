package dev.tokendoctor.engine;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The idle sessions of one knowledge base, holding only the tables and ready for the next bundle: at most one per
 * thread that diagnoses at the same time. Kept with the knowledge base, not with a {@link Diagnoser}, so that a
 * long-lived process (the daemon) that makes a diagnoser per command reuses them instead of leaving each
 * command's sessions behind (the KieBase keeps a reference to every session it made).
 */
public final class SessionPool {
  private final ConcurrentLinkedQueue<PooledSession> idle = new ConcurrentLinkedQueue<>();

  /**
   * Whether sessions may be reused: only when the tables alone make no rule fire, so that a reused session
   * (tables inserted once, each bundle's facts removed after it) behaves exactly like a fresh one. Decided once.
   */
  private volatile Boolean reusable;
  private volatile boolean closed;

  SessionPool() {}

  /** An idle session of {@code kb}, or a new one. */
  PooledSession borrow(KnowledgeBase kb) {
    PooledSession ps = idle.poll();
    return ps != null ? ps : new PooledSession(kb);
  }

  /** Keeps {@code ps} for the next bundle when it is back to the tables alone and reuse is sound; else disposes it. */
  void giveBack(KnowledgeBase kb, PooledSession ps, boolean clean) {
    if (clean && !closed && isReusable(kb)) {
      idle.offer(ps);
      if (closed && idle.remove(ps)) {
        ps.session.dispose(); // closed meanwhile
      }
    } else {
      ps.session.dispose();
    }
  }

  /**
   * Disposes the idle sessions, and every session given back from now on: the knowledge base is no longer kept
   * (see {@link KnowledgeBaseMemo}). A session must be disposed to be forgotten: Drools 10.2 keeps the truth
   * maintenance of every session it made in a static map (TruthMaintenanceSystemFactoryImpl) until then, and
   * through it the session's rule base. A diagnosis still running finishes, on a session of its own.
   */
  public void close() {
    closed = true;
    PooledSession ps;
    while ((ps = idle.poll()) != null) {
      ps.session.dispose();
    }
  }

  private boolean isReusable(KnowledgeBase kb) {
    Boolean r = reusable;
    if (r == null) {
      // Decided once, on a session of its own: do the tables alone make any rule fire?
      PooledSession probe = new PooledSession(kb);
      try {
        r = probe.session.fireAllRules(1) == 0;
      } catch (RuntimeException e) {
        r = false;
      } finally {
        probe.session.dispose();
      }
      reusable = r;
    }
    return r;
  }
}
