package dev.tokendoctor.batch;

import dev.tokendoctor.bundle.FactBundle;
import java.util.List;

/**
 * Turns a ticket's text into facts, for batch lines with {@code "text"} and help-desk CSV exports. The one place
 * that knows how: today the pasted-error parser (the AWS error code found in the text); when
 * {@code dev.tokendoctor.ticket.TicketExtractor} is merged, {@link #facts} becomes a call to it.
 */
final class TicketText {
  /** The longest text kept as the ticket's error text; the code is looked for in all of it. */
  static final int MAX_ERROR_TEXT = 8_000;

  private TicketText() {}

  /** The facts {@code text} shows; what it does not show stays absent. */
  static FactBundle facts(String text) {
    String kept = text.length() > MAX_ERROR_TEXT ? text.substring(0, MAX_ERROR_TEXT) : text;
    var context = TicketParser.withError(null, text);
    context = new dev.tokendoctor.facts.TicketContext(kept, context.errorCode(), null, null, null, null, null, null);
    return new FactBundle(FactBundle.SCHEMA_VERSION, null, null, null, List.of(), null, null, List.of(), List.of(),
        List.of(), List.of(), List.of(), null, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
        List.of(), List.of(), List.of(), context);
  }
}
