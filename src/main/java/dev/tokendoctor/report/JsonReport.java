package dev.tokendoctor.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.diagnosis.RankedFinding;
import java.util.List;

/** The report for machines. Field names are a contract: add fields, never rename or remove them. */
public final class JsonReport {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonReport() {}

  static String render(Report report) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(toJson(report)) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The report as a JSON tree (batch output embeds it). */
  public static ObjectNode toJson(Report report) {
    Diagnosis d = report.diagnosis();
    ObjectNode root = MAPPER.createObjectNode();
    ObjectNode tool = root.putObject("tool");
    tool.put("name", ToolVersion.NAME);
    tool.put("version", ToolVersion.version());
    root.put("schemaVersion", d.schemaVersion());
    ObjectNode verdict = root.putObject("verdict");
    verdict.put("status", d.verdict().status());
    verdict.put("headline", d.verdict().headline());
    strings(verdict.putArray("notKnown"), d.verdict().notKnown());
    strings(verdict.putArray("toCollect"), d.verdict().toCollect());
    ArrayNode findings = root.putArray("findings");
    for (RankedFinding r : d.findings()) {
      findings.add(finding(r, report.verbose()));
    }
    ArrayNode checks = root.putArray("checks");
    for (Check c : d.checks()) {
      ObjectNode n = checks.addObject();
      n.put("id", c.id());
      n.put("title", c.title());
      evidence(n.putArray("evidence"), c.evidence());
      n.put("ruleFile", c.ruleFile());
    }
    ArrayNode observed = root.putArray("observedErrors");
    for (ObservedError e : d.observedErrors()) {
      observed.addObject().put("code", e.code()).put("origin", e.origin());
    }
    strings(root.putArray("unknowns"), d.unknowns());
    strings(root.putArray("warnings"), report.warnings());
    DifferentialSections.json(root, report.differential());
    if (report.verbose()) {
      strings(root.putArray("firedRules"), d.firedRules());
    }
    return root;
  }

  private static ObjectNode finding(RankedFinding r, boolean verbose) {
    Finding f = r.finding();
    ObjectNode n = MAPPER.createObjectNode();
    n.put("id", f.id());
    n.put("title", f.title());
    n.put("severity", f.severity().label());
    n.put("confidence", f.confidence().label());
    n.put("explainsObservedError", r.explainsObservedError());
    if (r.supersededBy() != null) {
      n.put("supersededBy", r.supersededBy());
    }
    n.put("score", r.score());
    strings(n.putArray("scoreReasons"), r.scoreReasons());
    evidence(n.putArray("evidence"), f.evidence());
    strings(n.putArray("remediation"), f.remediation());
    strings(n.putArray("sources"), f.sources());
    n.put("ruleFile", f.ruleFile());
    return n;
  }

  private static void evidence(ArrayNode arr, List<Evidence> evidence) {
    for (Evidence e : evidence) {
      arr.addObject().put("origin", e.origin()).put("observation", e.observation());
    }
  }

  private static void strings(ArrayNode arr, List<String> values) {
    values.forEach(arr::add);
  }
}
