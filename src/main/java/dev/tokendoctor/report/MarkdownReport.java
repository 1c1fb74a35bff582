package dev.tokendoctor.report;

import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.RankedFinding;
import java.util.ArrayList;
import java.util.List;

/** The report to paste into a ticket: headings, an evidence table, and the fix as a shell block. */
final class MarkdownReport {
  private MarkdownReport() {}

  static String render(Report report) {
    Diagnosis d = report.diagnosis();
    StringBuilder sb = new StringBuilder();
    sb.append("### tokendoctor: ").append(escape(d.verdict().headline())).append("\n\n");
    if (!d.observedErrors().isEmpty()) {
      sb.append("**AWS said:** ").append(String.join("; ", d.observedErrors().stream()
          .map(e -> "`" + e.code() + "` (" + escape(e.origin()) + ")").toList())).append("\n\n");
    }
    if (!d.verdict().notKnown().isEmpty()) {
      sb.append("**Not known:**\n\n");
      d.verdict().notKnown().forEach(n -> sb.append("- ").append(escape(n)).append('\n'));
      sb.append('\n');
    }
    if (!d.verdict().toCollect().isEmpty()) {
      sb.append("**To judge, collect:**\n\n");
      d.verdict().toCollect().forEach(n -> sb.append("- ").append(escape(n)).append('\n'));
      sb.append('\n');
    }
    for (int i = 0; i < d.findings().size(); i++) {
      RankedFinding r = d.findings().get(i);
      Finding f = r.finding();
      sb.append("#### ").append(i == 0 ? (d.verdict().ok() ? "Noticed: " : "Most likely cause: ") : (i + 1) + ". ").append('`').append(f.id())
          .append("` ").append(escape(f.title())).append("\n\n");
      sb.append("*").append(f.severity().label()).append(", ").append(f.confidence().label()).append(" confidence");
      if (r.supersededBy() != null) {
        sb.append(", explained better by `").append(r.supersededBy()).append('`');
      } else if (r.explainsObservedError()) {
        sb.append(", explains the error AWS returned");
      } else {
        sb.append(", does not by itself explain the error AWS returned");
      }
      sb.append("*\n\n");
      if (!f.evidence().isEmpty()) {
        sb.append("| Where | What |\n|---|---|\n");
        for (Evidence e : f.evidence()) {
          sb.append("| `").append(e.origin().replace("`", "'")).append("` | ").append(escape(e.observation())).append(" |\n");
        }
        sb.append('\n');
      }
      if (!f.remediation().isEmpty()) {
        sb.append("**Fix**\n\n");
        steps(sb, f.remediation(), MarkdownReport::escape);
      }
      if (!f.sources().isEmpty()) {
        sb.append("Sources: ").append(String.join(" , ", f.sources())).append("\n\n");
      }
    }
    DifferentialSections.markdown(sb, report.differential());
    if (!d.checks().isEmpty()) {
      sb.append("#### Ruled out\n\n");
      for (Check c : d.checks()) {
        sb.append("- [x] ").append(escape(c.title())).append('\n');
      }
      sb.append('\n');
    }
    if (!d.unknowns().isEmpty()) {
      sb.append("#### Not checked\n\n");
      d.unknowns().forEach(u -> sb.append("- ").append(escape(u)).append('\n'));
      sb.append('\n');
    }
    sb.append("<sub>").append(ToolVersion.NAME).append(' ').append(ToolVersion.version())
        .append(", bundle schema ").append(d.schemaVersion()).append("</sub>\n");
    return sb.toString();
  }

  /** A fix as Markdown: its advice as a list, its commands ({@code $ ...}) as shell blocks, in their order. */
  static void steps(StringBuilder sb, List<String> remediation, java.util.function.UnaryOperator<String> words) {
    List<String> commands = new ArrayList<>();
    for (String step : remediation) {
      if (step.startsWith("$ ")) {
        commands.add(step.substring(2));
        continue;
      }
      flush(sb, commands);
      sb.append("- ").append(words.apply(step)).append('\n');
    }
    flush(sb, commands);
    sb.append('\n');
  }

  private static void flush(StringBuilder sb, List<String> commands) {
    if (commands.isEmpty()) {
      return;
    }
    sb.append("\n```sh\n");
    commands.forEach(c -> sb.append(c).append('\n'));
    sb.append("```\n\n");
    commands.clear();
  }

  static String escape(String s) {
    // A line break in a value would end its table row or list item: values stay on their line.
    return s == null ? "" : s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;").replace("\r\n", " ").replace('\n', ' ');
  }
}
