package dev.tokendoctor.ticket;

/**
 * The AWS error one pasted text shows, as far as it shows it; every field may be {@code null}.
 *
 * @param code the AWS error code ({@code InvalidClientTokenId})
 * @param message AWS's message, scrubbed
 * @param service the service called ({@code sts}, {@code iam}, {@code s3}...)
 * @param operation the operation called ({@code GetCallerIdentity})
 * @param httpStatus the HTTP status of the answer
 * @param clientTool the client whose wording or stack trace it is ({@code aws-cli}, {@code boto3}, {@code terraform}...)
 */
public record PastedError(String code, String message, String service, String operation, Integer httpStatus, String clientTool) {
  static final PastedError NONE = new PastedError(null, null, null, null, null, null);

  boolean empty() {
    return code == null && service == null && operation == null && httpStatus == null;
  }

  PastedError or(PastedError o) {
    return new PastedError(code != null ? code : o.code, message != null ? message : o.message, service != null ? service : o.service,
        operation != null ? operation : o.operation, httpStatus != null ? httpStatus : o.httpStatus,
        clientTool != null ? clientTool : o.clientTool);
  }
}
