package dev.tokendoctor.diagnosis;

/**
 * The AWS error the person is asking about, as the ranking rules derived it: the error of the primary STS
 * probe when there is one, else the error code in the ticket.
 *
 * @param code the AWS error code ({@code InvalidClientTokenId})
 * @param origin where it was observed
 */
public record ObservedError(String code, String origin) {
  /** The error {@code code} observed at {@code origin}, kept as its shown text. */
  public ObservedError(String code, dev.tokendoctor.facts.Origin origin) {
    this(code, origin == null ? null : origin.toString());
  }
}
