package dev.tokendoctor.engine;

import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The idle sessions of one knowledge base, holding only the tables and ready for the next bundle: at most one per
 * thread that diagnoses at the same time. Kept with the knowledge base, not with a {@link Diagnoser}, so that a
 * long-lived process (the daemon) that makes a diagnoser per command reuses them instead of leaving each
 * command's sessions behind (the KieBase keeps a reference to every session it made).
 */
public final class SessionPool {
  final ConcurrentLinkedQueue<PooledSession> idle = new ConcurrentLinkedQueue<>();

  /**
   * Whether sessions may be reused: only when the tables alone make no rule fire, so that a reused session
   * (tables inserted once, each bundle's facts removed after it) behaves exactly like a fresh one. Decided once.
   */
  volatile Boolean reusable;

  SessionPool() {}
}
