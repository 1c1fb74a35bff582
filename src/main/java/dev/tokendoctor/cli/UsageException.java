package dev.tokendoctor.cli;

/** Bad usage or bad input: the process prints the message on one line and exits with 2. */
public final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
