package dev.tokendoctor.diagnosis;

/**
 * The one-line answer.
 *
 * @param status {@code problem} (an error finding), {@code warning} (only warnings), {@code inconclusive} (AWS
 *     refused the credentials but no known cause matched), {@code ok} (no problem found)
 * @param headline the sentence to print first
 */
public record Verdict(String status, String headline) {

  public boolean problem() {
    return "problem".equals(status);
  }
}
