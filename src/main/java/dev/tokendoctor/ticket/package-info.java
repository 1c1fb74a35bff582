/**
 * Ticket triage: facts read from the text a customer pasted into a support ticket (AWS error texts of every
 * client, {@code aws configure list}, environment lines, credentials and config files, {@code --debug} logs,
 * {@code get-caller-identity} output, tool versions), in the same fact model as a collected bundle, so the
 * same rules diagnose them. {@link dev.tokendoctor.ticket.TicketExtractor} is the entry point;
 * {@link dev.tokendoctor.ticket.PastedSecrets} scrubs every text before it is kept; what the text does not
 * show is absent, never false.
 */
package dev.tokendoctor.ticket;
