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

  /**
   * The failing client is a long-running process that keeps the credentials it read when it started: an IDE toolkit
   * (VS Code, JetBrains, Visual Studio, Eclipse, Cloud9), a daemon, an agent or a server.
   */
  public boolean longRunningClient() {
    return clientTool != null && LONG_RUNNING.matcher(clientTool).matches();
  }

  /** The failing call is IAM: the ticket's service is {@code iam}, or, with no service, its error text names IAM. */
  public boolean callsIam() {
    return "iam".equals(service)
        || (service == null && errorText != null && (IAM_WORD.matcher(errorText).find() || errorText.contains("iam.amazonaws.com")));
  }

  /** The failing call is STS, other than GetCallerIdentity and AssumeRole (which any session may call). */
  public boolean callsStsBeyondIdentity() {
    return "sts".equals(service) && operation != null && !operation.equals("GetCallerIdentity") && !operation.equals("AssumeRole");
  }

  private static final java.util.regex.Pattern LONG_RUNNING = java.util.regex.Pattern.compile(
      "(?i).*(toolkit|vscode|jetbrains|intellij|pycharm|rider|visual-?studio|eclipse|cloud9|daemon|agent|server).*");
  private static final java.util.regex.Pattern IAM_WORD = java.util.regex.Pattern.compile("\\bIAM\\b");
}
