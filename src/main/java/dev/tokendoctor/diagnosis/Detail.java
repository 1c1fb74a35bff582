package dev.tokendoctor.diagnosis;

/**
 * How much of a finding's wording a diagnosis renders. The rules conclude the same findings either way; only the
 * words the output never shows are left unrendered (issue 16: pay only for what the output shows).
 */
public enum Detail {
  /** Every piece of evidence and every fix step in words: reports of one diagnosis. */
  FULL,
  /**
   * Titles and fix steps; no evidence. What a {@code batch} row shows (title, severity, confidence, the first fix
   * step): rendering the evidence of every firing was about 5 % of batch time.
   */
  SUMMARY
}
