package dev.tokendoctor.collect;

import java.time.Duration;

/** The time every network call of one collection may take together; each call gets at most what is left. */
final class Budget {
  private static final Duration MIN_CALL = Duration.ofMillis(200);
  private final long deadline;
  private final Duration perCall;

  Budget(CollectRequest.Limits limits) {
    this.deadline = System.nanoTime() + limits.networkBudget().toNanos();
    this.perCall = limits.call();
  }

  /** The time the next call may take, or {@code null} when the budget is spent. */
  Duration nextCall() {
    long left = deadline - System.nanoTime();
    if (left < MIN_CALL.toNanos()) {
      return null;
    }
    return Duration.ofNanos(Math.min(left, perCall.toNanos()));
  }
}
