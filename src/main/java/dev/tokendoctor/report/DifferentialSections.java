package dev.tokendoctor.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.differential.Candidate;
import dev.tokendoctor.differential.Differential;
import dev.tokendoctor.differential.Question;

/**
 * The differential in each format: the causes still possible with their share, then the questions to ask,
 * each with the command that answers it. One class so the three formats say the same thing.
 */
final class DifferentialSections {
  /** Candidates shown in text and Markdown; JSON lists all. */
  static final int SHOWN = 10;

  private DifferentialSections() {}

  static void text(StringBuilder sb, Differential d) {
    if (d == null) {
      return;
    }
    if (!d.candidates().isEmpty()) {
      sb.append("\nStill possible (no rule concluded; ranked by how often each cause gives ")
          .append(d.errorCode() == null ? "such a refusal" : d.errorCode()).append(")\n");
      if (d.meaning() != null) {
        sb.append("  ").append(d.meaning()).append('\n');
      }
      int shown = Math.min(SHOWN, d.candidates().size());
      for (int i = 0; i < shown; i++) {
        Candidate c = d.candidates().get(i);
        sb.append(String.format("  %3d%%  %s  %s%n", c.percent(), c.id(), c.title()));
      }
      if (d.candidates().size() > shown) {
        sb.append("        and ").append(d.candidates().size() - shown).append(" less likely causes (--format json lists them)\n");
      }
      if (!d.ruledOut().isEmpty()) {
        sb.append("  ruled out by the facts: ").append(String.join(", ", d.ruledOut())).append('\n');
      }
    } else if (d.meaning() != null) {
      sb.append("\n").append(d.meaning()).append('\n');
    }
    if (!d.questions().isEmpty()) {
      sb.append("\nQuestions to ask\n");
      int n = 1;
      for (Question q : d.questions()) {
        sb.append("  ").append(n++).append(". ").append(q.fact()).append('\n');
        if (!q.separates().isEmpty()) {
          sb.append("     separates ").append(String.join(", ", q.separates())).append('\n');
        }
        if (q.why() != null && !q.why().isEmpty()) {
          sb.append("     why: ").append(q.why()).append('\n');
        }
        sb.append("       $ ").append(q.command()).append('\n');
      }
    }
  }

  static void markdown(StringBuilder sb, Differential d) {
    if (d == null) {
      return;
    }
    if (!d.candidates().isEmpty()) {
      sb.append("#### Still possible\n\n");
      if (d.meaning() != null) {
        sb.append(MarkdownReport.escape(d.meaning())).append("\n\n");
      }
      sb.append("No rule concluded; these causes give `").append(d.errorCode() == null ? "such a refusal" : d.errorCode())
          .append("`, ranked by how often they do.\n\n| Share | Cause | |\n|---:|---|---|\n");
      int shown = Math.min(SHOWN, d.candidates().size());
      for (int i = 0; i < shown; i++) {
        Candidate c = d.candidates().get(i);
        sb.append("| ").append(c.percent()).append("% | `").append(c.id()).append("` | ")
            .append(MarkdownReport.escape(c.title())).append(" |\n");
      }
      if (d.candidates().size() > shown) {
        sb.append("\n").append(d.candidates().size() - shown).append(" less likely causes are in the JSON report.\n");
      }
      if (!d.ruledOut().isEmpty()) {
        sb.append("\nRuled out by the facts: ").append(String.join(", ", d.ruledOut().stream().map(i -> "`" + i + "`").toList()))
            .append('\n');
      }
      sb.append('\n');
    }
    if (!d.questions().isEmpty()) {
      sb.append("#### Questions to ask\n\n");
      int n = 1;
      for (Question q : d.questions()) {
        sb.append(n++).append(". **").append(MarkdownReport.escape(q.fact())).append("**");
        if (!q.separates().isEmpty()) {
          sb.append(" (separates ").append(String.join(", ", q.separates().stream().map(i -> "`" + i + "`").toList()))
              .append(')');
        }
        sb.append('\n');
        if (q.why() != null && !q.why().isEmpty()) {
          sb.append("   ").append(MarkdownReport.escape(q.why())).append('\n');
        }
        sb.append("   ```sh\n   ").append(q.command()).append("\n   ```\n");
      }
      sb.append('\n');
    }
  }

  static void json(ObjectNode root, Differential d) {
    if (d == null) {
      return;
    }
    ObjectNode n = root.putObject("differential");
    n.put("errorCode", d.errorCode());
    n.put("meaning", d.meaning());
    ArrayNode cs = n.putArray("candidates");
    for (Candidate c : d.candidates()) {
      ObjectNode o = cs.addObject();
      o.put("id", c.id());
      o.put("title", c.title());
      o.put("prior", c.prior());
      o.put("likelihood", Math.round(c.likelihood() * 1000) / 1000.0);
      if (c.question() != null) {
        o.put("question", c.question().fact());
      }
    }
    d.ruledOut().forEach(n.putArray("ruledOut")::add);
    ArrayNode qs = root.putArray("questions");
    for (Question q : d.questions()) {
      ObjectNode o = qs.addObject();
      o.put("fact", q.fact());
      q.separates().forEach(o.putArray("separates")::add);
      o.put("why", q.why());
      o.put("command", q.command());
    }
  }
}
