package dev.tokendoctor.batch;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.facts.TicketContext;
import java.util.Set;

/**
 * "Credentials work now": the ticket says AWS refused the credentials, yet AWS accepted the credentials found
 * with it. Such a ticket is not a cause nobody knows ("no rule matched"): the process that failed sent other
 * credentials, and the support lead counts these apart. A ticket is one when the knowledge base concludes
 * {@value #CAUSE}, or, with the rules that do not have that cause, when the facts show it and no finding
 * explains it: a pasted refusal of the credentials and STS accepting the primary credentials (or an {@code ok}
 * verdict on a ticket that carries a pasted refusal).
 */
final class WorksNow {
  /** The cause the knowledge base concludes for it. */
  static final String CAUSE = "CREDENTIALS_WORK_NOW";
  /** The error codes that say AWS refused the credentials themselves (not a permission). */
  static final Set<String> REFUSALS = Set.of("InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken",
      "ExpiredTokenException", "UnrecognizedClientException", "AuthFailure", "InvalidToken", "InvalidAccessKeyId");

  private WorksNow() {}

  static boolean of(FactBundle facts, Diagnosis d) {
    if (!d.findings().isEmpty() && CAUSE.equals(d.findings().get(0).id())) {
      return true;
    }
    TicketContext t = facts.ticket();
    boolean refused = t != null && t.errorCode() != null && REFUSALS.contains(t.errorCode());
    if (!refused) {
      return false;
    }
    if ("ok".equals(d.verdict().status())) {
      return true;
    }
    boolean accepted = facts.stsProbes().stream().anyMatch(p -> p.primary() && p.ok());
    return accepted && d.findings().isEmpty();
  }
}
