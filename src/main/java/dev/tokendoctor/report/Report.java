package dev.tokendoctor.report;

import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.differential.Differential;
import java.util.List;

/**
 * What is rendered: a diagnosis, and the warnings met while reading its bundle.
 *
 * @param diagnosis the diagnosis
 * @param warnings tolerated problems of the input (unknown fields, a newer schema)
 * @param verbose show the ranking's points and the rules that fired
 * @param differential the causes still possible and the questions to ask when no rule concluded, else {@code null}
 * @param reply what {@code --format reply} needs beyond the diagnosis (the team's template, the time of the facts)
 */
public record Report(
    Diagnosis diagnosis, List<String> warnings, boolean verbose, Differential differential, ReplyOptions reply) {

  public Report {
    warnings = List.copyOf(warnings);
    reply = reply == null ? ReplyOptions.DEFAULT : reply;
  }

  public Report(Diagnosis diagnosis, List<String> warnings, boolean verbose) {
    this(diagnosis, warnings, verbose, null, null);
  }

  /** Renders in {@code format}; text and Markdown with no control character a value could smuggle in (JSON escapes them). */
  public String render(Format format) {
    return switch (format) {
      case TEXT -> TerminalSafe.of(TextReport.render(this));
      case MARKDOWN -> TerminalSafe.of(MarkdownReport.render(this));
      case JSON -> JsonReport.render(this);
      case REPLY -> ReplyReport.render(this);
    };
  }
}
