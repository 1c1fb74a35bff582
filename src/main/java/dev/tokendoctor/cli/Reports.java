package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.differential.Differentials;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.report.Report;
import dev.tokendoctor.report.ReplyOptions;
import java.time.Instant;
import java.util.List;

/**
 * The report of a command that has a diagnosis (diagnose, doctor, triage): the diagnosis, the differential when
 * no rule concluded, and what {@code --format reply} needs. One place, so every command says the same.
 */
final class Reports {
  private Reports() {}

  static Report of(KnowledgeBase kb, FactBundle bundle, Diagnosis d, List<String> warnings, boolean verbose,
      ReplyOptions reply) throws RulesException {
    Instant at = bundle.collectedAt() != null ? bundle.collectedAt()
        : bundle.clock() != null ? bundle.clock().localTime() : null;
    return new Report(d, warnings, verbose, Differentials.of(kb, bundle, d), reply.withReference(at));
  }
}
