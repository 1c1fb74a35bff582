package dev.tokendoctor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.facts.TicketContext;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The one reader of pasted AWS errors, on every client's wording (texts written for these tests). */
class TicketParserTest {

  static Stream<Arguments> clients() {
    return Stream.of(
        Arguments.of("aws-cli v2", "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: "
            + "The security token included in the request is invalid.", "InvalidClientTokenId", "GetCallerIdentity", "sts", null, null),
        Arguments.of("aws-cli v1 with retries", "An error occurred (ExpiredToken) (reached max retries: 4) when calling the "
            + "ListBuckets operation: The provided token has expired.", "ExpiredToken", "ListBuckets", "s3", null, null),
        Arguments.of("boto3", "Traceback (most recent call last):\n  File \"x.py\", line 3, in <module>\nbotocore.exceptions.ClientError: "
            + "An error occurred (UnrecognizedClientException) when calling the ListFunctions operation: The security token included in "
            + "the request is invalid.", "UnrecognizedClientException", "ListFunctions", null, null, "boto3"),
        Arguments.of("java sdk v1", "com.amazonaws.services.securitytoken.model.AWSSecurityTokenServiceException: The security token "
            + "included in the request is invalid. (Service: AWSSecurityTokenService; Status Code: 403; Error Code: InvalidClientTokenId; "
            + "Request ID: 1b2c; Proxy: null)", "InvalidClientTokenId", null, "sts", 403, "aws-sdk-java"),
        Arguments.of("java sdk v2", "software.amazon.awssdk.services.sts.model.StsException: The security token included in the request "
            + "is expired (Service: Sts, Status Code: 403, Request ID: 5e4d)", "ExpiredToken", null, "sts", 403, "aws-sdk-java-v2"),
        Arguments.of("go sdk v1", "InvalidClientTokenId: The security token included in the request is invalid.\n\tstatus code: 403, "
            + "request id: 7a8b", "InvalidClientTokenId", null, null, 403, "aws-sdk-go"),
        Arguments.of("go sdk v2", "operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 6c1d, "
            + "api error RegionDisabledException: STS is not activated in this region", "RegionDisabledException", "GetCallerIdentity", "sts",
            403, "aws-sdk-go-v2"),
        Arguments.of("terraform", "Error: configuring Terraform AWS Provider: validating provider credentials: retrieving caller identity "
            + "from STS: operation error STS: GetCallerIdentity, https response error StatusCode: 403, RequestID: 1b2c, api error "
            + "ExpiredToken: The security token included in the request is expired", "ExpiredToken", "GetCallerIdentity", "sts", 403, "terraform"),
        Arguments.of("terraform, old provider", "Error: error configuring Terraform AWS Provider: error validating provider credentials: "
            + "error calling sts:GetCallerIdentity: InvalidClientTokenId: The security token included in the request is invalid.\n"
            + "\tstatus code: 403, request id: 9f8e", "InvalidClientTokenId", "GetCallerIdentity", "sts", 403, "terraform"),
        Arguments.of("js sdk v2", "UnrecognizedClientException: The security token included in the request is invalid.\n"
            + "    at Request.extractError (/srv/node_modules/aws-sdk/lib/protocol/json.js:80:27) {\n  code: 'UnrecognizedClientException',\n"
            + "  statusCode: 400,\n  retryable: false\n}", "UnrecognizedClientException", null, null, 400, "aws-sdk-js"),
        Arguments.of("js sdk v3", "InvalidClientTokenId: The security token included in the request is invalid.\n    at throwDefaultError "
            + "(/app/node_modules/@smithy/smithy-client/dist-cjs/index.js:867:20) {\n  '$fault': 'client',\n  '$metadata': { httpStatusCode: "
            + "403, requestId: '0d4b' },\n  Code: 'InvalidClientTokenId'\n}", "InvalidClientTokenId", null, null, 403, "aws-sdk-js-v3"),
        Arguments.of("cdk", "current credentials could not be used to assume 'arn:aws:iam::111122223333:role/cdk-hnb659fds-deploy-role', "
            + "but are for the right account. Proceeding anyway.\nExpiredToken: The security token included in the request is expired",
            "ExpiredToken", null, null, null, "aws-cdk"),
        Arguments.of("serverless", "Serverless Error ----------------------------------------\n\n  The security token included in the "
            + "request is invalid.", "InvalidClientTokenId", null, null, null, "serverless"),
        Arguments.of("signature expired", "Signature expired: 20261204T101500Z is now earlier than 20261204T102501Z (20261204T103001Z - 5 min.)",
            "SignatureDoesNotMatch", null, null, null, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clients")
  void readsEachClientsWording(String client, String text, String code, String operation, String service, Integer status, String tool) {
    PastedError e = TicketParser.error(text);
    assertThat(e.code()).isEqualTo(code);
    assertThat(e.operation()).isEqualTo(operation);
    assertThat(e.service()).isEqualTo(service);
    assertThat(e.httpStatus()).isEqualTo(status);
    if (tool != null) {
      assertThat(e.clientTool()).isEqualTo(tool);
    }
  }

  @Test
  void somethingElseNamesNoCode() {
    assertThat(TicketParser.code("something else went wrong")).isNull();
    assertThat(TicketParser.context(null, null, null, null, null)).isNull();
  }

  @Test
  void theContextKeepsOnlyScrubbedText() {
    String secret = "kq7Vd2Lx9Qm4Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9O";
    TicketContext c = TicketParser.context("An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: "
        + "The request signature we calculated does not match. aws_secret_access_key=" + secret + " Signature=0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e",
        null, null, "111122223333", true);
    assertThat(c.errorText()).doesNotContain(secret).doesNotContain("0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e").contains("(redacted)");
    assertThat(c.errorCode()).isEqualTo("SignatureDoesNotMatch");
    assertThat(c.expectedAccount()).isEqualTo("111122223333");
    assertThat(c.workedBefore()).isTrue();
  }

  @Test
  void aCodeTheContextAlreadyNamesWins() {
    TicketContext given = new TicketContext(null, "ExpiredToken", null, null, null, null, null, null);
    TicketContext c = TicketParser.withError(given, "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: x");
    assertThat(c.errorCode()).isEqualTo("ExpiredToken");
    assertThat(c.operation()).isEqualTo("GetCallerIdentity");
  }
}
