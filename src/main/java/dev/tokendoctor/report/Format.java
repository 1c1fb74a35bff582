package dev.tokendoctor.report;

/** The output formats: text for people, JSON for machines, Markdown for tickets. */
public enum Format {
  TEXT,
  JSON,
  MARKDOWN
}
