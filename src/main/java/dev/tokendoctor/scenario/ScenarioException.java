package dev.tokendoctor.scenario;

/** A scenario file or scenario that cannot be used as written. */
public final class ScenarioException extends Exception {
  private static final long serialVersionUID = 1L;

  public ScenarioException(String message) {
    super(message);
  }
}
