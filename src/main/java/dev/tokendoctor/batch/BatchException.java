package dev.tokendoctor.batch;

/** A batch run that cannot start or continue: bad inputs, an output folder in the way. One line, exit 2. */
public final class BatchException extends Exception {
  private static final long serialVersionUID = 1L;

  public BatchException(String message) {
    super(message);
  }
}
