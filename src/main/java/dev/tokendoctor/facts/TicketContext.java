package dev.tokendoctor.facts;

/**
 * What the person said about the failure: the error they saw and where.
 *
 * @param errorText the error as pasted (secrets scrubbed)
 * @param errorCode the AWS error code found in it ({@code InvalidClientTokenId}...)
 * @param service the failing service ({@code sts}, {@code iam}, {@code s3}...)
 * @param operation the failing operation ({@code GetCallerIdentity}, {@code ListUsers}...)
 * @param clientTool the client that failed ({@code aws-cli}, {@code boto3}, {@code aws-cdk}, {@code terraform},
 *     {@code aws-sdk-java-v2}, {@code aws-toolkit-vscode}...)
 * @param clientVersion that client's version
 * @param expectedAccount the account the person meant to use
 * @param workedBefore the same credentials used to work
 */
public record TicketContext(
    String errorText,
    String errorCode,
    String service,
    String operation,
    String clientTool,
    String clientVersion,
    String expectedAccount,
    Boolean workedBefore) {

  public Origin origin() {
    return Origin.ticket();
  }
}
