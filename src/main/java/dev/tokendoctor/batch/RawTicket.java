package dev.tokendoctor.batch;

import java.nio.file.Path;

/**
 * One ticket as read from the input, not parsed yet (parsing is the workers' job, in parallel).
 *
 * @param index its position in the input, from 0
 * @param source where it was read ({@code tickets.jsonl:12}, {@code bundles/T-1.json})
 * @param line the JSON line, for JSON Lines input; else {@code null}
 * @param file the bundle file, for a folder of bundles; else {@code null}
 * @param ticketId the ticket id known without parsing (a bundle file's name); else {@code null}
 * @param problem why the input could not even be read here (a line past the size limit, a truncated gzip
 *     stream); the ticket becomes an error row
 */
record RawTicket(long index, String source, byte[] line, Path file, String ticketId, String problem) {

  /** The bytes this ticket holds in memory while it is in flight, in KiB (at least 1). */
  int weightKiB() {
    return line == null ? 1 : Math.max(1, line.length >> 10);
  }
}
