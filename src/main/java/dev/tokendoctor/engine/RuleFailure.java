package dev.tokendoctor.engine;

/** A rule threw while diagnosing one bundle: a bug in that rule, not in the bundle. */
public final class RuleFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public RuleFailure(String message, Throwable cause) {
    super(message, cause);
  }
}
