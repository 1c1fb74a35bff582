package dev.tokendoctor.cli;

/** The process's exit codes, a contract with scripts (PRODUCT.md). */
public final class ExitCodes {
  /** Verdict ok: the credentials were shown to work, or offline every collector ran and found nothing. */
  public static final int OK = 0;
  /** Verdict problem, inconclusive or insufficient (or a failed rule test). */
  public static final int PROBLEM = 1;
  /** Bad usage or bad input: an unreadable bundle, rules that do not compile. */
  public static final int BAD_INPUT = 2;
  /** A bug in tokendoctor or in a rule. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}

  /** Only a verdict of {@code ok} exits 0: never because nothing was found, only because something worked. */
  public static int of(dev.tokendoctor.diagnosis.Verdict verdict) {
    return verdict.ok() ? OK : PROBLEM;
  }
}
