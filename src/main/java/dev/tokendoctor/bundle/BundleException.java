package dev.tokendoctor.bundle;

/** A bundle that cannot be read. The message is one line: where (file and JSON path) and what is wrong. */
public final class BundleException extends Exception {
  private static final long serialVersionUID = 1L;

  public BundleException(String message) {
    super(message);
  }
}
