package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.TicketContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one reader of pasted AWS error text, for {@code doctor --error}, batch lines' {@code "error"} and ticket
 * triage alike: it always scrubs the text first ({@link PastedSecrets}), then finds the error code, operation,
 * service, HTTP status and client in the wordings of the AWS CLI v1/v2, boto3/botocore, the Java SDK v1/v2,
 * the Go SDK v1/v2, the JavaScript SDK v2/v3, Terraform, the CDK and the Serverless Framework. Some clients
 * print only AWS's message ("The security token included in the request is invalid"), which names the code as
 * surely.
 */
public final class TicketParser {
  /** Kept text is capped: a ticket's error is a few lines, and a whole log adds nothing the facts do not hold. */
  static final int MAX_ERROR_TEXT = 4000;

  private static final List<String> CODES = List.of(
      "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredTokenException", "ExpiredToken", "SignatureDoesNotMatch",
      "InvalidSignatureException", "IncompleteSignature", "AuthFailure", "InvalidAccessKeyId", "InvalidToken", "RequestExpired",
      "RequestTimeTooSkewed", "RequestInTheFuture", "RegionDisabledException", "UnauthorizedException", "InvalidIdentityToken",
      "IDPCommunicationError", "AccessDeniedException", "AccessDenied", "MissingAuthenticationToken", "OptInRequired",
      "NoCredentialProviders", "NoCredentialsError", "CredentialsProviderError", "ProfileNotFound", "NoRegionError", "EndpointConnectionError");
  private static final Pattern CODE = Pattern.compile("\\b(" + String.join("|", CODES) + ")\\b");
  private static final Map<String, String> MESSAGES = Map.ofEntries(
      Map.entry("the security token included in the request is invalid", "InvalidClientTokenId"),
      Map.entry("the request signature we calculated does not match", "SignatureDoesNotMatch"),
      Map.entry("the security token included in the request is expired", "ExpiredToken"),
      Map.entry("the aws access key id you provided does not exist in our records", "InvalidAccessKeyId"),
      Map.entry("signature expired", "SignatureDoesNotMatch"),
      Map.entry("aws was not able to validate the provided access credentials", "AuthFailure"),
      Map.entry("the difference between the request time and the current time is too large", "RequestTimeTooSkewed"),
      Map.entry("sts is not activated in this region", "RegionDisabledException"),
      Map.entry("credential should be scoped to a valid region", "SignatureDoesNotMatch"),
      Map.entry("unable to locate credentials", "NoCredentialsError"),
      Map.entry("unable to load credentials from any of the providers", "NoCredentialsError"),
      Map.entry("could not load credentials from any providers", "CredentialsProviderError"),
      Map.entry("no valid credential sources found", "NoCredentialProviders"),
      Map.entry("session token not found or invalid", "UnauthorizedException"),
      Map.entry("the config profile (", "ProfileNotFound"),
      Map.entry("you must specify a region", "NoRegionError"),
      Map.entry("could not connect to the endpoint url", "EndpointConnectionError"),
      Map.entry("unable to load region from any of the providers", "NoRegionError"));
  /** AWS CLI and boto3/botocore: {@code An error occurred (CODE) when calling the OP operation: MSG}. */
  private static final Pattern CLI = Pattern.compile(
      "An error occurred \\(([A-Za-z.]+)\\)(?: \\([^)]*\\))? when calling the ([A-Za-z0-9]+) operation(?: \\([^)]*\\))?: ?(.*)");
  /** Go SDK v2 and Terraform's AWS provider: {@code operation error STS: GetCallerIdentity, https response error StatusCode: 403, ... api error CODE: MSG}. */
  private static final Pattern GO_V2 = Pattern.compile(
      "operation error ([A-Za-z0-9 ]+): ([A-Za-z0-9]+),(?:.*?StatusCode: (\\d{3}))?.*?api error ([A-Za-z.]+): ?(.*)");
  /** Java SDK v1: {@code (Service: AWSSecurityTokenService; Status Code: 403; Error Code: CODE; Request ID: ...)}; v2 uses commas. */
  private static final Pattern JAVA = Pattern.compile(
      "\\(Service: ?([A-Za-z0-9]+)[,;] ?Status Code: ?(\\d{3})(?:[,;] ?Error Code: ?([A-Za-z.]+))?");
  private static final Pattern JAVA_EXCEPTION = Pattern.compile("\\b(com\\.amazonaws|software\\.amazon\\.awssdk)\\.services\\.([a-z0-9]+)\\.");
  /** Go SDK v1 and old Terraform: {@code CODE: MSG} then {@code status code: 403, request id: ...}. */
  private static final Pattern GO_V1_STATUS = Pattern.compile("(?i)(?:^|[^a-z]|\\\\t)status code: (\\d{3}), request id:");
  /** JS SDK v2 ({@code statusCode: 403}) and v3 ({@code httpStatusCode: 403}). */
  private static final Pattern JS_STATUS = Pattern.compile("\\b(http)?[sS]tatusCode['\"]?: ?(\\d{3})");
  private static final Pattern JS_CODE = Pattern.compile("\\b(?:code|Code|name)['\"]?: ?['\"]([A-Za-z]+)['\"]");
  private static final Pattern HTTP_STATUS = Pattern.compile("(?i)\\b(?:status(?: code)?|http status|HTTP/1\\.1|HTTP/2)[: ]+(\\d{3})\\b");
  private static final Pattern CALLING = Pattern.compile("\\b(?:calling|error calling) (sts|iam|s3|ec2|sso)[:.]([A-Z][A-Za-z]+)");
  private static final Map<String, String> SERVICES = Map.ofEntries(
      Map.entry("GetCallerIdentity", "sts"), Map.entry("AssumeRole", "sts"), Map.entry("GetSessionToken", "sts"),
      Map.entry("AssumeRoleWithWebIdentity", "sts"), Map.entry("AssumeRoleWithSAML", "sts"), Map.entry("GetAccessKeyInfo", "sts"),
      Map.entry("GetFederationToken", "sts"), Map.entry("ListUsers", "iam"), Map.entry("GetUser", "iam"), Map.entry("ListRoles", "iam"),
      Map.entry("ListAccessKeys", "iam"), Map.entry("CreateAccessKey", "iam"), Map.entry("GetAccountSummary", "iam"),
      Map.entry("ListBuckets", "s3"), Map.entry("GetObject", "s3"), Map.entry("PutObject", "s3"), Map.entry("ListObjectsV2", "s3"),
      Map.entry("HeadBucket", "s3"), Map.entry("DescribeInstances", "ec2"), Map.entry("DescribeRegions", "ec2"),
      Map.entry("GetRoleCredentials", "sso"), Map.entry("Invoke", "lambda"), Map.entry("GetParameter", "ssm"),
      Map.entry("GetSecretValue", "secretsmanager"), Map.entry("DescribeStacks", "cloudformation"));

  private TicketParser() {}

  /**
   * What a person said about the failure, with the pasted error scrubbed and read.
   *
   * @param errorText the pasted error, may be {@code null}
   * @param clientTool the client named explicitly (wins over what the text shows), may be {@code null}
   * @param clientVersion its version, may be {@code null}
   * @param expectedAccount the account the person meant to use, may be {@code null}
   * @param workedBefore the same credentials used to work, may be {@code null}
   * @return the context, or {@code null} when none of it is known
   */
  public static TicketContext context(String errorText, String clientTool, String clientVersion, String expectedAccount,
      Boolean workedBefore) {
    if (errorText == null && clientTool == null && clientVersion == null && expectedAccount == null && workedBefore == null) {
      return null;
    }
    String text = errorText == null ? null : cap(PastedSecrets.scrub(errorText));
    PastedError e = text == null ? PastedError.NONE : error(text);
    String tool = clientTool;
    String version = clientVersion;
    if (tool == null && text != null) {
      ToolVersions.Seen seen = ToolVersions.find(text);
      tool = seen != null ? seen.tool() : e.clientTool();
      version = version == null && seen != null ? seen.version() : version;
    }
    return new TicketContext(text, e.code(), e.service(), e.operation(), tool, version, expectedAccount, workedBefore);
  }

  /** The same context with another pasted error; the code the context already names wins. */
  public static TicketContext withError(TicketContext c, String errorText) {
    TicketContext read = context(errorText, null, null, null, null);
    if (c == null) {
      return read;
    }
    if (read == null) {
      return c;
    }
    return new TicketContext(read.errorText(), c.errorCode() != null ? c.errorCode() : read.errorCode(),
        c.service() != null ? c.service() : read.service(), c.operation() != null ? c.operation() : read.operation(),
        c.clientTool() != null ? c.clientTool() : read.clientTool(), c.clientVersion() != null ? c.clientVersion() : read.clientVersion(),
        c.expectedAccount(), c.workedBefore());
  }

  /** The AWS error code a pasted text names, or {@code null}. */
  public static String code(String text) {
    return text == null || text.isBlank() ? null : error(text).code();
  }

  /** Everything the text shows of one AWS error; read it scrubbed or not, nothing of it is kept here. */
  static PastedError error(String text) {
    PastedError e = PastedError.NONE;
    Matcher m;
    if ((m = CLI.matcher(text)).find()) {
      e = e.or(new PastedError(m.group(1), m.group(3).strip(), SERVICES.get(m.group(2)), m.group(2), null,
          text.contains("botocore.exceptions") || text.contains("Traceback") ? "boto3" : null));
    }
    if ((m = GO_V2.matcher(text)).find()) {
      e = e.or(new PastedError(m.group(4), m.group(5).strip(), m.group(1).strip().toLowerCase(Locale.ROOT), m.group(2),
          m.group(3) == null ? null : Integer.valueOf(m.group(3)), text.contains("Terraform") || text.contains("terraform") ? "terraform" : "aws-sdk-go-v2"));
    }
    if ((m = JAVA.matcher(text)).find()) {
      Matcher ex = JAVA_EXCEPTION.matcher(text);
      String tool = ex.find() ? ("software.amazon.awssdk".equals(ex.group(1)) ? "aws-sdk-java-v2" : "aws-sdk-java")
          : m.group(3) != null && text.contains(";") ? "aws-sdk-java" : "aws-sdk-java-v2";
      e = e.or(new PastedError(m.group(3), null, javaService(m.group(1)), null, Integer.valueOf(m.group(2)), tool));
    }
    if ((m = GO_V1_STATUS.matcher(text)).find()) {
      e = e.or(new PastedError(null, null, null, null, Integer.valueOf(m.group(1)),
          text.contains("Terraform") || text.contains("terraform") ? "terraform" : "aws-sdk-go"));
    }
    if ((m = JS_STATUS.matcher(text)).find()) {
      e = e.or(new PastedError(null, null, null, null, Integer.valueOf(m.group(2)), m.group(1) != null ? "aws-sdk-js-v3" : "aws-sdk-js"));
    }
    if ((m = CALLING.matcher(text)).find()) {
      e = e.or(new PastedError(null, null, m.group(1), m.group(2), null, null));
    }
    if ((m = HTTP_STATUS.matcher(text)).find()) {
      e = e.or(new PastedError(null, null, null, null, Integer.valueOf(m.group(1)), null));
    }
    if (e.code() == null) {
      Matcher js = JS_CODE.matcher(text);
      while (js.find()) {
        if (CODES.contains(js.group(1))) {
          e = e.or(new PastedError(js.group(1), null, null, null, null, null));
          break;
        }
      }
    }
    if (e.code() == null && (m = CODE.matcher(text)).find()) {
      e = e.or(new PastedError(m.group(1), null, null, null, null, null));
    }
    if (e.code() == null) {
      String lower = text.toLowerCase(Locale.ROOT);
      for (Map.Entry<String, String> msg : MESSAGES.entrySet()) {
        if (lower.contains(msg.getKey())) {
          e = e.or(new PastedError(msg.getValue(), null, null, null, null, null));
          break;
        }
      }
    }
    if (e.code() != null && e.code().contains(".")) {
      e = new PastedError(e.code().substring(e.code().lastIndexOf('.') + 1), e.message(), e.service(), e.operation(), e.httpStatus(), e.clientTool());
    }
    if (e.service() == null && e.operation() != null) {
      e = e.or(new PastedError(null, null, SERVICES.get(e.operation()), null, null, null));
    }
    if (e.clientTool() == null) {
      e = e.or(new PastedError(null, null, null, null, null, toolFromWording(text)));
    }
    return e;
  }

  private static String toolFromWording(String text) {
    if (text.contains("@aws-sdk/") || text.contains("@smithy/") || text.contains("'$metadata'") || text.contains("$fault")) {
      return "aws-sdk-js-v3";
    }
    if (text.contains("node_modules/aws-sdk/") || text.contains("at Request.extractError")) {
      return "aws-sdk-js";
    }
    if (text.contains("cdk-hnb659fds") || text.contains("cdk deploy") || text.contains("cdk bootstrap") || text.contains("❌")) {
      return "aws-cdk";
    }
    if (text.contains("Serverless Error") || text.contains("ServerlessError") || text.contains("serverless deploy") || text.contains("sls deploy")) {
      return "serverless";
    }
    if (text.contains("botocore.exceptions") || text.contains("boto3")) {
      return "boto3";
    }
    if (text.matches("(?s).*(^|\\n)\\s*\\$?\\s*aws [a-z0-9-]+ [a-z0-9-]+.*") || text.contains("aws: error")) {
      return "aws-cli";
    }
    return null;
  }

  private static String javaService(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return switch (l) {
      case "awssecuritytokenservice", "sts" -> "sts";
      case "amazonidentitymanagement", "iam" -> "iam";
      case "amazons3", "s3" -> "s3";
      case "amazonec2", "ec2" -> "ec2";
      default -> l;
    };
  }

  static String cap(String s) {
    return s.length() > MAX_ERROR_TEXT ? s.substring(0, MAX_ERROR_TEXT) + "…" : s;
  }
}
