package dev.tokendoctor.engine;

/**
 * One problem in a rule file, worded for a support engineer.
 *
 * @param file the file as shown to people
 * @param line 1-based line, or 0 when the problem is about the whole file
 * @param level {@code error} or {@code warning}
 * @param message what is wrong, in plain words
 * @param original the engine's own message, shown with {@code --verbose}
 */
public record RuleProblem(String file, int line, String level, String message, String original) {

  public boolean error() {
    return "error".equals(level);
  }

  /** {@code rules/x.drl:12: error: message}, the form compilers and editors understand. */
  public String format() {
    return file + (line > 0 ? ":" + line : "") + ": " + level + ": " + message;
  }
}
