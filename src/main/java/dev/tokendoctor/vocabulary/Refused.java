package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
/**
 * AWS refused a request: an STS probe failed with an error code, or the ticket quotes one.
 *
 * @param code the AWS error code ({@code InvalidClientTokenId}, {@code ExpiredToken})
 * @param where where it was said ({@code STS us-east-1 -> 403 ExpiredToken}, {@code ticket})
 * @param message AWS's message; {@code null} when unknown
 * @param byProbe a probe made by tokendoctor got it (not only the ticket)
 * @param primary it answered the primary probe (the credentials the client uses, as it sends them)
 */
public record Refused(String code, Origin where, String message, boolean byProbe, boolean primary) {

  /** The credentials' token expired: {@code ExpiredToken} or {@code ExpiredTokenException}. */
  public boolean expiredToken() {
    return "ExpiredToken".equals(code) || "ExpiredTokenException".equals(code);
  }

  /**
   * The request's time was refused: {@code RequestExpired}, {@code RequestTimeTooSkewed}, {@code RequestInTheFuture},
   * or a signature error whose message says "Signature expired".
   */
  public boolean requestTimeRefused() {
    return "RequestExpired".equals(code) || "RequestTimeTooSkewed".equals(code) || "RequestInTheFuture".equals(code)
        || (("SignatureDoesNotMatch".equals(code) || "InvalidSignatureException".equals(code))
            && message != null && message.contains("Signature expired"));
  }
}
