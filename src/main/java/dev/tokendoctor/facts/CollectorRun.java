package dev.tokendoctor.facts;

/**
 * Whether a collector ran and how it ended, so rules never read a missing fact as a negative one.
 *
 * @param name {@code environment}, {@code files}, {@code sso-cache}, {@code cli-cache}, {@code login-cache},
 *     {@code resolution}, {@code credential-process}, {@code sts}, {@code verification}, {@code clock}
 * @param status {@code ok}, {@code skipped} (e.g. {@code --offline}), {@code failed}, {@code partial},
 *     {@code unreachable} (the network calls got no answer at all: a proxy, a firewall, no network)
 * @param detail plain words on why it was skipped or failed
 */
public record CollectorRun(String name, String status, String detail) {

  public boolean ok() {
    return "ok".equals(status);
  }
}
