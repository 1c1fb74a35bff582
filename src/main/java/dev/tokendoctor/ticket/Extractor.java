package dev.tokendoctor.ticket;

/** Reads one kind of pasted content from a ticket into facts. Each is small and knows one format. */
interface Extractor {
  void extract(TicketText text, TicketFacts facts);
}
