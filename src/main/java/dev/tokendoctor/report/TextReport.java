package dev.tokendoctor.report;

import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.RankedFinding;
import java.util.List;

/**
 * The report for a tired person at 2 a.m.: the verdict first, then the most likely cause with its evidence and
 * the exact commands that fix it, then everything else.
 */
final class TextReport {
  private TextReport() {}

  static String render(Report report) {
    Diagnosis d = report.diagnosis();
    StringBuilder sb = new StringBuilder();
    sb.append(d.verdict().label()).append(": ").append(d.verdict().headline()).append('\n');
    if (!d.observedErrors().isEmpty()) {
      sb.append("AWS said: ");
      sb.append(String.join("; ", d.observedErrors().stream().map(e -> e.code() + " (" + e.origin() + ")").toList()));
      sb.append('\n');
    }
    if (!d.verdict().notKnown().isEmpty()) {
      sb.append("\nNot known\n");
      d.verdict().notKnown().forEach(n -> sb.append("  ?  ").append(n).append('\n'));
    }
    if (!d.verdict().toCollect().isEmpty()) {
      sb.append("\nTo judge, collect\n");
      d.verdict().toCollect().forEach(n -> sb.append("  -  ").append(n).append('\n'));
    }
    List<RankedFinding> findings = d.findings();
    if (!findings.isEmpty()) {
      sb.append('\n');
      RankedFinding top = findings.get(0);
      // Beside an ok verdict a finding is a smell, never "the cause".
      sb.append(d.verdict().ok() ? "Noticed: " : "Most likely cause: ").append(top.id()).append('\n');
      finding(sb, top, report.verbose(), "  ");
    }
    if (findings.size() > 1) {
      sb.append("\nAlso found\n");
      for (int i = 1; i < findings.size(); i++) {
        RankedFinding r = findings.get(i);
        sb.append("\n").append(i + 1).append(". ").append(r.id()).append('\n');
        finding(sb, r, report.verbose(), "   ");
      }
    }
    DifferentialSections.text(sb, report.differential());
    if (!d.checks().isEmpty()) {
      sb.append("\nRuled out\n");
      for (Check c : d.checks()) {
        sb.append("  ok  ").append(c.title());
        if (!c.evidence().isEmpty()) {
          Evidence e = c.evidence().get(0);
          sb.append("  (").append(e.origin()).append(": ").append(e.observation()).append(')');
        }
        sb.append('\n');
      }
    }
    if (!d.unknowns().isEmpty()) {
      sb.append("\nNot checked (unknown is not fine, only unknown)\n");
      d.unknowns().forEach(u -> sb.append("  ?   ").append(u).append('\n'));
    }
    if (!report.warnings().isEmpty()) {
      sb.append("\nWarnings\n");
      report.warnings().forEach(w -> sb.append("  ").append(w).append('\n'));
    }
    if (report.verbose()) {
      sb.append("\nRules fired: ").append(String.join(", ", d.firedRules())).append('\n');
    }
    sb.append("\n").append(ToolVersion.NAME).append(' ').append(ToolVersion.version())
        .append(", bundle schema ").append(d.schemaVersion()).append('\n');
    return sb.toString();
  }

  private static void finding(StringBuilder sb, RankedFinding r, boolean verbose, String indent) {
    Finding f = r.finding();
    sb.append(indent).append(f.title()).append('\n');
    sb.append(indent).append(f.severity().label()).append(", ").append(f.confidence().label()).append(" confidence");
    if (r.supersededBy() != null) {
      sb.append(", explained better by ").append(r.supersededBy());
    } else if (r.explainsObservedError()) {
      sb.append(", explains the error AWS returned");
    } else {
      sb.append(", does not by itself explain the error AWS returned");
    }
    sb.append('\n');
    if (!f.evidence().isEmpty()) {
      sb.append(indent).append("Evidence\n");
      int width = Math.min(48, f.evidence().stream().mapToInt(e -> e.origin().length()).max().orElse(0));
      for (Evidence e : f.evidence()) {
        sb.append(indent).append("  ").append(pad(e.origin(), width)).append("  ").append(e.observation()).append('\n');
      }
    }
    if (!f.remediation().isEmpty()) {
      sb.append(indent).append("Fix\n");
      for (String step : f.remediation()) {
        sb.append(indent).append(step.startsWith("$ ") ? "    " : "  ").append(step).append('\n');
      }
    }
    if (!f.sources().isEmpty()) {
      sb.append(indent).append("Read more: ").append(f.sources().get(0)).append('\n');
    }
    if (verbose) {
      sb.append(indent).append("Rule: ").append(f.ruleFile()).append("; score ").append(r.score())
          .append(" (").append(String.join(", ", r.scoreReasons())).append(")\n");
    }
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s : s + " ".repeat(width - s.length());
  }
}
