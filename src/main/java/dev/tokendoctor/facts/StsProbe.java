package dev.tokendoctor.facts;

import java.time.Instant;
import java.util.List;

/**
 * One bounded {@code sts:GetCallerIdentity} call the collector made, and what came back.
 *
 * <p>Rules ask what a probe is evidence of through its fields, never through {@code purpose} alone: which
 * credentials it sent ({@code credentialSet}, {@code clients}, {@code provider}, {@code profile}), where
 * ({@code signingRegion}, joined with the region table's {@code optIn} to know whether every account can use
 * that region), and what came back. A primary probe in us-east-1 is thereby also the default-region evidence.
 *
 * @param purpose why it was made: {@code primary} (the failing client's credentials where its settings send
 *     them), {@code client} (another client's credentials, where that client's settings send them: the clients
 *     disagree), {@code profile} (the selected profile's own credentials, which environment keys override),
 *     {@code default-region} (the same keys in us-east-1, enabled everywhere), {@code partition} (the same keys
 *     in another partition), {@code without-token} (a long-term key sent without its session token)
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
 * @param credentialSet which set of credentials was sent: a fingerprint of key id, secret and token together,
 *     salted per bundle; probes with the same value sent the same credentials. {@code null} in bundles of
 *     older versions, whose probes all sent the failing client's credentials
 * @param clients the clients that would send these credentials ({@code java-sdk-v2}, {@code botocore},
 *     {@code cli-v2}); empty when none does (the profile's own keys, overridden by the environment);
 *     {@code null} when not recorded (older bundles: the failing client's)
 * @param provider where these credentials come from, as {@code ResolvedCredentials.provider} says it
 *     ({@code environment}, {@code profile-static}, {@code profile-process}...); {@code null} when not recorded
 * @param profile the profile that provided them, when one did
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
    Long elapsedMillis,
    String credentialSet,
    List<String> clients,
    String provider,
    String profile) {

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

  /**
   * The call was made as the clients that send these credentials make it, with their endpoint and region: the
   * failing client's primary probe, or the one made for the other clients whose credentials differ. Such a
   * probe's outcome is what those clients get.
   */
  public boolean asClientsSendIt() {
    return primary() || "client".equals(purpose);
  }

  /**
   * The probe sent the same credentials as {@code other} (both are the failing client's when the bundle does not
   * record credential sets).
   */
  public boolean sameCredentialsAs(StsProbe other) {
    return other != null && java.util.Objects.equals(credentialSet, other.credentialSet);
  }

  /** These credentials are the ones {@code client} sends ({@code java-sdk-v2}, {@code botocore}, {@code cli-v2}). */
  public boolean sentBy(String client) {
    return clients != null && clients.contains(client);
  }

  /** The clients that send these credentials, in words: {@code botocore (boto3, AWS CLI v1) and the AWS CLI v2}. */
  public String clientNames() {
    if (clients == null || clients.isEmpty()) {
      return "no client (the profile's own credentials)";
    }
    List<String> names = clients.stream().map(StsProbe::clientName).toList();
    return names.size() == 1 ? names.get(0)
        : String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
  }

  /** One client in words: {@code the AWS SDK for Java v2}, {@code botocore (boto3, AWS CLI v1)}, {@code the AWS CLI v2}. */
  public static String clientName(String client) {
    return switch (client) {
      case "java-sdk-v2" -> "the AWS SDK for Java v2";
      case "botocore" -> "botocore (boto3, AWS CLI v1)";
      case "cli-v2" -> "the AWS CLI v2";
      default -> client;
    };
  }

  /** As shown in evidence: {@code STS us-east-1 -> 403 InvalidClientTokenId}. */
  public Origin origin() {
    String what = ok() ? "200 OK " + (callerArn == null ? "" : callerArn)
        : failed() ? (httpStatus == null ? "" : httpStatus + " ") + errorCode
        : outcome;
    String token = withToken ? "" : " (no session token)";
    return Origin.stsProbe(signingRegion + token + " -> " + what.trim());
  }

  /** The partition named in the caller ARN ({@code arn:aws-us-gov:...} → {@code aws-us-gov}), else {@code null}. */
  public String callerPartition() {
    if (callerArn == null || !callerArn.startsWith("arn:")) {
      return null;
    }
    String[] parts = callerArn.split(":", 3);
    return parts.length > 1 ? parts[1] : null;
  }

  /** AWS said the request's credential scope names another region: "Credential should be scoped to a valid region". */
  public boolean scopedToAnotherRegion() {
    return errorMessage != null && errorMessage.contains("Credential should be scoped");
  }

  /** AWS said the signature's time is too far off: the message starts "Signature expired". */
  public boolean signatureExpired() {
    return errorMessage != null && errorMessage.startsWith("Signature expired");
  }

  /** The endpoint could not be reached at all (no such host, connection refused). */
  public boolean unreachable() {
    return "unreachable".equals(outcome);
  }

  /** Exactly one client sends these credentials (the evidence says "sends", not "send"). */
  public boolean oneClient() {
    return clients != null && clients.size() == 1;
  }

  /** The bundle records which clients send these credentials (older bundles do not). */
  public boolean clientsRecorded() {
    return clients != null;
  }
}
