package dev.tokendoctor.diagnosis;

import java.util.List;
import java.util.Locale;

/**
 * The one-line answer, decided by {@link DiagnosisPolicy}.
 *
 * <p>For {@code inconclusive} and {@code insufficient}, {@code notKnown} and {@code toCollect} say what kept
 * tokendoctor from a better answer and how to get it. The causes that stay consistent with the error AWS
 * returned, and the questions to ask the customer, are the differential's part of the report: they go beside
 * the verdict in {@link Diagnosis}, not in it.
 *
 * @param status one of {@link #OK}, {@link #PROBLEM}, {@link #INCONCLUSIVE}, {@link #INSUFFICIENT}
 * @param headline the sentence to print first
 * @param notKnown the facts that were not known, in plain words (empty for {@code ok} and {@code problem})
 * @param toCollect what to run or ask for so that the next diagnosis can judge
 */
public record Verdict(String status, String headline, List<String> notKnown, List<String> toCollect) {
  /** The credentials were shown to work (STS accepted them), or offline every collector ran and found nothing. */
  public static final String OK = "ok";
  /** A cause was concluded. */
  public static final String PROBLEM = "problem";
  /** AWS refused the credentials, and no known cause matches the facts collected. */
  public static final String INCONCLUSIVE = "inconclusive";
  /** Too few facts to judge: an empty bundle, a pasted error alone, collectors that did not run. */
  public static final String INSUFFICIENT = "insufficient";
  /** Every status, in the order of the exit-code table. */
  public static final List<String> STATUSES = List.of(OK, PROBLEM, INCONCLUSIVE, INSUFFICIENT);

  public Verdict {
    if (!STATUSES.contains(status)) {
      throw new IllegalArgumentException("unknown verdict status " + status);
    }
    notKnown = List.copyOf(notKnown);
    toCollect = List.copyOf(toCollect);
  }

  public Verdict(String status, String headline) {
    this(status, headline, List.of(), List.of());
  }

  /** Only this verdict exits 0. */
  public boolean ok() {
    return OK.equals(status);
  }

  public boolean problem() {
    return PROBLEM.equals(status);
  }

  /** As printed first in text reports: {@code INSUFFICIENT: ...}. */
  public String label() {
    return status.toUpperCase(Locale.ROOT);
  }
}
