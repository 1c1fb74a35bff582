package dev.tokendoctor.collect;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.ticket.TicketParser;

/**
 * Collects every fact of one machine into a redacted bundle: each collector in turn (environment, shared
 * files, caches, credential_process, resolution, expiry, live STS, verification, clock, ticket), each
 * recording how it ended. Collectors that fail do not stop the others: their run says so and their facts
 * are absent (unknown is not false).
 */
public final class FactCollector {
  private final Secrets secrets;

  public FactCollector() {
    this(new Secrets());
  }

  public FactCollector(Secrets secrets) {
    this.secrets = secrets;
  }

  /** The secrets met by collections of this collector, to scrub anything else the caller prints. */
  public Secrets secrets() {
    return secrets;
  }

  public FactBundle collect(Machine machine, CollectRequest request) {
    Collection c = new Collection(machine, request, secrets);
    step(c, "environment", () -> new EnvironmentCollector().collect(c));
    step(c, "files", () -> new SharedFilesCollector().collect(c));
    step(c, "caches", () -> new CacheCollector().collect(c));
    step(c, "credential-process", () -> new CredentialProcessCollector().collect(c));
    step(c, "resolution", () -> new ResolutionCollector().collect(c));
    step(c, "expiry", () -> new ExpiryCollector().collect(c));
    Budget budget = new Budget(request.limits());
    step(c, "sts", () -> new StsCollector().collect(c, budget));
    step(c, "verification", () -> new VerificationCollector().collect(c, budget));
    clock(c);
    CollectRequest r = c.request;
    c.ticket = TicketParser.context(r.errorText() == null ? null : c.secrets.scrub(r.errorText()), r.clientTool(),
        r.clientVersion(), r.expectAccount(), r.workedBefore());
    return c.bundle();
  }

  private static void clock(Collection c) {
    if (c.dateProbe != null) {
      c.ran("clock", "ok", null);
    } else if (c.request.offline()) {
      c.ran("clock", "skipped", "--offline: no AWS response to compare the local clock with");
    } else {
      c.ran("clock", "skipped", "no AWS response carried a Date header");
    }
  }

  /** A collector that throws is recorded as failed; the collection goes on. */
  private static void step(Collection c, String name, Runnable collector) {
    try {
      collector.run();
    } catch (RuntimeException e) {
      c.ran(name, "failed", "internal error: " + e.getClass().getSimpleName()
          + (e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("")));
    }
  }
}
