package dev.tokendoctor.batch;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The whole picture of a run, counted row by row in constant memory: counts per verdict and per cause, and,
 * for the report, the first {@link #listed} tickets of each cause and of the errors (the rest are counted and
 * are in {@code results.csv}).
 */
final class Tally {
  private final int listed;
  long tickets;
  long errors;
  long withFinding;
  /** Diagnosed rows with no finding, those whose credentials work now left out. */
  long noFinding;
  /** Rows whose credentials work now (see {@link WorksNow}): neither a known cause nor "no rule matched". */
  long worksNow;
  final List<Listed> worksNowRows = new ArrayList<>();
  /** By created week and by client tool. */
  final Breakdowns breakdowns = new Breakdowns();
  final Map<String, Long> statuses = new TreeMap<>();
  final Map<String, Long> errorKinds = new TreeMap<>();
  final Map<String, Cause> causes = new LinkedHashMap<>();
  final List<Listed> errorRows = new ArrayList<>();
  final List<Listed> noFindingRows = new ArrayList<>();
  /** The last row counted: where a run stopped. */
  Row last;
  /** The tickets by their metadata labels. */
  final MetaTally meta = new MetaTally();

  Tally(int listed) {
    this.listed = listed;
  }

  /**
   * One cause across the run.
   *
   * @param id the cause id
   */
  static final class Cause {
    final String id;
    String title;
    String severity;
    /** Tickets where it is the most likely cause. */
    long first;
    /** Tickets where it was found at all. */
    long any;
    final List<Listed> tickets = new ArrayList<>();

    Cause(String id) {
      this.id = id;
    }
  }

  /**
   * A ticket named in the report.
   *
   * @param ticket the ticket id
   * @param source where it was read
   * @param note its rank for a cause ({@code first}, {@code 2nd}...) or its error
   */
  record Listed(String ticket, String source, String note) {}

  void add(Row r) {
    tickets++;
    last = r;
    meta.add(r);
    breakdowns.add(r);
    statuses.merge(r.status(), 1L, Long::sum);
    if (r.failed()) {
      errors++;
      errorKinds.merge(r.errorKind(), 1L, Long::sum);
      if (errorRows.size() < listed) {
        errorRows.add(new Listed(r.ticket(), r.source(), r.error()));
      }
      return;
    }
    if (r.worksNow()) {
      worksNow++;
      if (worksNowRows.size() < listed) {
        worksNowRows.add(new Listed(r.ticket(), r.source(), r.status() + ": " + r.headline()));
      }
    } else if (r.findings().isEmpty()) {
      noFinding++;
      if (noFindingRows.size() < listed) {
        noFindingRows.add(new Listed(r.ticket(), r.source(), r.status() + ": " + r.headline()));
      }
      return;
    } else {
      withFinding++;
    }
    for (int i = 0; i < r.findings().size(); i++) {
      Row.Found f = r.findings().get(i);
      Cause c = causes.computeIfAbsent(f.id(), Cause::new);
      c.title = f.title();
      c.severity = f.severity();
      c.any++;
      if (i == 0) {
        c.first++;
      }
      if (c.tickets.size() < listed) {
        c.tickets.add(new Listed(r.ticket(), r.source(), i == 0 ? "first" : "rank " + (i + 1)));
      }
    }
  }

  /** Causes, the most frequent first cause first, then by how often found, then by id. */
  List<Cause> causesByFrequency() {
    List<Cause> list = new ArrayList<>(causes.values());
    list.sort(Comparator.comparingLong((Cause c) -> c.first).reversed()
        .thenComparing(Comparator.comparingLong((Cause c) -> c.any).reversed())
        .thenComparing(c -> c.id));
    return list;
  }

  int listed() {
    return listed;
  }

  /** The share of {@code part} in the tickets, 0 when there are none. */
  double share(long part) {
    return tickets == 0 ? 0 : (double) part / tickets;
  }

  static long sum(Collection<Long> values) {
    return values.stream().mapToLong(Long::longValue).sum();
  }
}
