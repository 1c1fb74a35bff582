package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * One bounded {@code sts:GetCallerIdentity} call the collector made, and what came back.
 *
 * @param purpose why it was made: {@code primary} (the user's own settings), {@code default-region} (the same
 *     keys in us-east-1, enabled everywhere), {@code partition} (the same keys in another partition),
 *     {@code without-token} (a long-term key sent without its session token), {@code global-endpoint}
 * @param endpoint the URL called
 * @param signingRegion the region the request was signed for
 * @param partition the partition of the signing region ({@code aws}, {@code aws-cn}, {@code aws-us-gov}...)
 * @param withToken a session token was sent
 * @param keyId the shown form of the key id used ({@code AKIA…MPLE})
 * @param outcome {@code ok}, {@code error} (AWS answered with an error), {@code timeout}, {@code unreachable}
 * @param httpStatus the HTTP status, when a response came
 * @param errorCode the AWS error code ({@code InvalidClientTokenId}, {@code ExpiredToken}...)
 * @param errorMessage the AWS error message
 * @param callerArn on success: the caller's ARN
 * @param callerAccount on success: the caller's account id
 * @param callerUserId on success: the caller's unique id ({@code AIDA...} or {@code AROA...:session})
 * @param serverDate the response's {@code Date} header, for clock skew
 * @param elapsedMillis how long the call took
 */
public record StsProbe(
    String purpose,
    String endpoint,
    String signingRegion,
    String partition,
    boolean withToken,
    String keyId,
    String outcome,
    Integer httpStatus,
    String errorCode,
    String errorMessage,
    String callerArn,
    String callerAccount,
    String callerUserId,
    Instant serverDate,
    Long elapsedMillis) {

  public boolean ok() {
    return "ok".equals(outcome);
  }

  /** AWS answered and refused the request. */
  public boolean failed() {
    return "error".equals(outcome);
  }

  public boolean primary() {
    return "primary".equals(purpose);
  }

  /** As shown in evidence: {@code STS us-east-1 -> 403 InvalidClientTokenId}. */
  public String origin() {
    String what = ok() ? "200 OK " + (callerArn == null ? "" : callerArn)
        : failed() ? (httpStatus == null ? "" : httpStatus + " ") + errorCode
        : outcome;
    String token = withToken ? "" : " (no session token)";
    return "STS " + signingRegion + token + " -> " + what.trim();
  }

  /** The partition named in the caller ARN ({@code arn:aws-us-gov:...} → {@code aws-us-gov}), else {@code null}. */
  public String callerPartition() {
    if (callerArn == null || !callerArn.startsWith("arn:")) {
      return null;
    }
    String[] parts = callerArn.split(":", 3);
    return parts.length > 1 ? parts[1] : null;
  }
}
