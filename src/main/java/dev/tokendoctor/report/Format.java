package dev.tokendoctor.report;

/** The output formats: text for people, JSON for machines, Markdown for tickets, reply for the customer. */
public enum Format {
  TEXT,
  JSON,
  MARKDOWN,
  REPLY
}
