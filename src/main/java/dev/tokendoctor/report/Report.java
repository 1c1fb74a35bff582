package dev.tokendoctor.report;

import dev.tokendoctor.diagnosis.Diagnosis;
import java.util.List;

/**
 * What is rendered: a diagnosis, and the warnings met while reading its bundle.
 *
 * @param diagnosis the diagnosis
 * @param warnings tolerated problems of the input (unknown fields, a newer schema)
 * @param verbose show the ranking's points and the rules that fired
 */
public record Report(Diagnosis diagnosis, List<String> warnings, boolean verbose) {

  public Report {
    warnings = List.copyOf(warnings);
  }

  /** Renders in {@code format}; text and Markdown with no control character a value could smuggle in (JSON escapes them). */
  public String render(Format format) {
    return switch (format) {
      case TEXT -> TerminalSafe.of(TextReport.render(this));
      case MARKDOWN -> TerminalSafe.of(MarkdownReport.render(this));
      case JSON -> JsonReport.render(this);
    };
  }
}
