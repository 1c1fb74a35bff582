package dev.tokendoctor.batch;

import java.time.Instant;
import java.util.List;

/**
 * What a run was and how it ended, for {@code summary.json} and the report.
 *
 * @param inputs the inputs as given
 * @param rules where the rules came from
 * @param threads worker threads
 * @param startedAt when this run (or the first of its resumed runs) started
 * @param finishedAt when it ended
 * @param complete every input ticket has its row
 * @param seconds how long this process diagnosed
 * @param diagnosedNow rows written by this process (the rest were done before a resume)
 */
record RunInfo(List<String> inputs, String rules, int threads, Instant startedAt, Instant finishedAt,
    boolean complete, double seconds, long diagnosedNow) {

  RunInfo {
    inputs = List.copyOf(inputs);
  }
}
