package dev.tokendoctor.batch;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.ticket.TicketExtractor;

/**
 * Turns a ticket's text into facts, for batch lines with {@code "text"} and help-desk CSV exports: the same
 * extraction as {@code tokendoctor triage} ({@link TicketExtractor}), so a ticket gets the same answer in a
 * batch as alone. The text is scrubbed of secrets before any fact is kept.
 */
final class TicketText {
  private TicketText() {}

  /** The facts {@code text} shows; what it does not show stays absent. */
  static FactBundle facts(String text) {
    return TicketExtractor.extract(text, "ticket");
  }
}
