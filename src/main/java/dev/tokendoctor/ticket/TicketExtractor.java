package dev.tokendoctor.ticket;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CollectorRun;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a ticket's text into a fact bundle that the rules diagnose like a collected one. Every fact says it
 * came from the ticket ({@code ticket line N}); what the text does not show is absent, and the collectors
 * the ticket cannot stand in for are recorded as not run, so no rule reads a silence as a negative. Nothing
 * secret is kept: values are described, texts scrubbed ({@link PastedSecrets}).
 *
 * <p>The one entry point for every caller: {@code triage}, batch lines with a {@code "text"}, the scenario
 * runner's {@code "ticket"} scenarios.
 */
public final class TicketExtractor {
  /** In order: the later extractors read what the earlier found (a debug log's region beats an endpoint's). */
  private static final List<Extractor> EXTRACTORS = List.of(new ErrorTextExtractor(), new SkewMessageExtractor(),
      new ConfigureListExtractor(), new EnvLineExtractor(), new SharedFileExtractor(), new ProseExtractor(),
      new EndpointUrlExtractor(), new DebugLogExtractor(), new CallerIdentityExtractor());
  private static final Pattern EMAIL_DATE = Pattern.compile("(?m)^Date:\\s*(.+)$");

  private TicketExtractor() {}

  /**
   * The facts a ticket's text shows.
   *
   * @param text the ticket (plain text, Markdown or an e-mail), secrets and all
   * @param source how to name the ticket to people (a file name, a ticket id)
   * @return a bundle of what the text shows, with no secret in it
   */
  public static FactBundle extract(String text, String source) {
    return extractWithNotes(text, source).bundle();
  }

  /**
   * The facts and plain-words notes on what the ticket showed.
   *
   * @param bundle the facts
   * @param notes remarks for the report's warnings
   */
  public record Extraction(FactBundle bundle, List<String> notes) {}

  /** As {@link #extract}, with notes. */
  public static Extraction extractWithNotes(String text, String source) {
    TicketText t = new TicketText(text);
    TicketFacts facts = new TicketFacts();
    for (Extractor e : EXTRACTORS) {
      e.extract(t, facts);
    }
    FactBundle bundle = facts.bundle(PastedSecrets.scrub(source), writtenAt(t));
    if (bundle.facts().stream().allMatch(f -> f instanceof CollectorRun)) {
      facts.note("the ticket shows no AWS error, command output, setting or log that tokendoctor reads: ask for the exact "
          + "error and the command that failed, or for a bundle from 'tokendoctor collect'");
    }
    return new Extraction(bundle, List.copyOf(facts.notes()));
  }

  /** When an e-mail was written (its {@code Date:} header), else unknown. */
  private static Instant writtenAt(TicketText t) {
    Matcher m = EMAIL_DATE.matcher(t.all());
    return m.find() ? SkewMessageExtractor.parse(m.group(1).strip()) : null;
  }
}
