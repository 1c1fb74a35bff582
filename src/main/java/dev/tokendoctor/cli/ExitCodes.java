package dev.tokendoctor.cli;

/** The process's exit codes, a contract with scripts (PRODUCT.md). */
public final class ExitCodes {
  /** No problem found. */
  public static final int OK = 0;
  /** At least one finding of severity error (or a failed rule test). */
  public static final int PROBLEM = 1;
  /** Bad usage or bad input: an unreadable bundle, rules that do not compile. */
  public static final int BAD_INPUT = 2;
  /** A bug in tokendoctor or in a rule. */
  public static final int INTERNAL = 3;

  private ExitCodes() {}
}
