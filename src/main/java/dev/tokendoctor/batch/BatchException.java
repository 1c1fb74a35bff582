package dev.tokendoctor.batch;

/**
 * A batch run that cannot start or continue: bad inputs, an output folder in the way (one line, exit 2), or a
 * full disk (one line, exit 1: the input was fine, and {@code --resume} continues once there is room).
 */
public final class BatchException extends Exception {
  private static final long serialVersionUID = 1L;
  private final boolean diskFull;

  public BatchException(String message) {
    this(message, false);
  }

  public BatchException(String message, boolean diskFull) {
    super(message);
    this.diskFull = diskFull;
  }

  /** The output's disk (or quota) is full. */
  public boolean diskFull() {
    return diskFull;
  }
}
