package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.report.ToolVersion;

/** {@code summary.json}: the counts of a run for machines. Field names are a contract: add, never rename. */
final class SummaryJson {
  private SummaryJson() {}

  static ObjectNode of(Tally t, RunInfo run, ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.putObject("tool").put("name", ToolVersion.NAME).put("version", ToolVersion.version());
    run.inputs().forEach(n.putArray("inputs")::add);
    n.put("rules", run.rules());
    n.put("complete", run.complete());
    if (!run.complete()) {
      ObjectNode stop = n.putObject("stoppedAfter");
      stop.put("tickets", t.tickets);
      stop.put("ticket", t.last == null ? null : t.last.ticket());
      stop.put("source", t.last == null ? null : t.last.source());
      stop.put("resumeWith", "--resume");
    }
    n.put("startedAt", run.startedAt().toString());
    n.put("finishedAt", run.finishedAt().toString());
    n.put("threads", run.threads());
    n.put("tickets", t.tickets);
    n.put("withFinding", t.withFinding);
    n.put("noFinding", t.noFinding);
    n.put("noFindingShare", round(t.share(t.noFinding)));
    n.put("errors", t.errors);
    n.put("credentialsWorkNow", t.worksNow);
    ObjectNode statuses = n.putObject("verdicts");
    t.statuses.forEach(statuses::put);
    ObjectNode kinds = n.putObject("errorKinds");
    t.errorKinds.forEach(kinds::put);
    t.meta.toJson(n.putObject("metadata"));
    t.breakdowns.toJson(n);
    ArrayNode causes = n.putArray("causes");
    for (Tally.Cause c : t.causesByFrequency()) {
      causes.addObject().put("id", c.id).put("title", c.title).put("severity", c.severity)
          .put("first", c.first).put("found", c.any).put("firstShare", round(t.share(c.first)));
    }
    return n;
  }

  private static double round(double share) {
    return Math.round(share * 10000) / 10000.0;
  }
}
