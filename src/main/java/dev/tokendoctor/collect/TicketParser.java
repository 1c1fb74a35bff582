package dev.tokendoctor.collect;

import dev.tokendoctor.facts.TicketContext;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the error a person pasted ({@code --error}): the AWS error code, the service and operation, and the
 * client when its user agent or wording shows it. Anything shaped like a secret is scrubbed first.
 */
final class TicketParser {
  private static final List<String> KNOWN_CODES = List.of(
      "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredTokenException", "ExpiredToken",
      "SignatureDoesNotMatch", "InvalidSignatureException", "IncompleteSignature", "AuthFailure",
      "InvalidAccessKeyId", "InvalidToken", "RequestExpired", "RequestTimeTooSkewed", "RegionDisabledException",
      "UnauthorizedException", "AccessDeniedException", "AccessDenied", "MissingAuthenticationToken", "OptInRequired");
  private static final Pattern CLI = Pattern.compile(
      "An error occurred \\(([A-Za-z]+)\\)(?: \\([^)]*\\))? when calling the ([A-Za-z0-9]+) operation(?:[^:]*)?: ?(.*)", Pattern.DOTALL);
  private static final Pattern GO_V2 = Pattern.compile(
      "operation error ([A-Za-z0-9 ]+): ([A-Za-z0-9]+),.*?api error ([A-Za-z]+): ?(.*)", Pattern.DOTALL);
  private static final Pattern JAVA = Pattern.compile("\\(Service: ?([A-Za-z0-9]+)[,;] ?Status Code: ?(\\d+)(?:[,;] ?Error Code: ?([A-Za-z]+))?");
  private static final Pattern ERROR_CODE = Pattern.compile("(?:Error ?Code|\"?Code\"?)[:=]\\s*\"?([A-Za-z]+)");
  private static final Pattern USER_AGENT = Pattern.compile("(aws-cli|Boto3|botocore|aws-sdk-java|aws-sdk-js|aws-cdk|terraform|aws-sdk-go(?:-v2)?)/([0-9][0-9A-Za-z.\\-]*)");
  private static final Map<String, String> SERVICES = Map.ofEntries(
      Map.entry("GetCallerIdentity", "sts"), Map.entry("AssumeRole", "sts"), Map.entry("GetSessionToken", "sts"),
      Map.entry("AssumeRoleWithWebIdentity", "sts"), Map.entry("AssumeRoleWithSAML", "sts"),
      Map.entry("GetAccessKeyInfo", "sts"), Map.entry("GetFederationToken", "sts"),
      Map.entry("ListUsers", "iam"), Map.entry("GetUser", "iam"), Map.entry("ListRoles", "iam"),
      Map.entry("ListAccessKeys", "iam"), Map.entry("CreateAccessKey", "iam"), Map.entry("GetAccountSummary", "iam"),
      Map.entry("ListBuckets", "s3"), Map.entry("GetObject", "s3"), Map.entry("PutObject", "s3"),
      Map.entry("DescribeInstances", "ec2"), Map.entry("DescribeRegions", "ec2"), Map.entry("GetRoleCredentials", "sso"));
  private static final Pattern[] SECRET_SHAPES = {
      Pattern.compile("(?i)(aws_secret_access_key|aws_session_token|aws_security_token|secretaccesskey|sessiontoken|x-amz-security-token|accesstoken|refreshtoken|clientsecret)(\"?\\s*[:=]\\s*\"?)[^\\s\"',;]+"),
      Pattern.compile("(?i)(Signature=)[0-9a-f]{16,}"),
      Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])"),
      Pattern.compile("[A-Za-z0-9/+]{64,}={0,2}")};
  private static final Pattern KEY_ID = Pattern.compile("\\b(A[A-Z0-9]{3})[A-Z0-9]{12,}([A-Z0-9]{4})\\b");

  private TicketParser() {}

  static TicketContext parse(Collection c) {
    CollectRequest r = c.request;
    if (r.errorText() == null && r.expectAccount() == null && r.clientTool() == null && r.workedBefore() == null) {
      return null;
    }
    String text = r.errorText() == null ? null : scrub(c.secrets.scrub(r.errorText()));
    String code = null;
    String service = null;
    String operation = null;
    String tool = r.clientTool();
    String version = r.clientVersion();
    if (text != null) {
      Matcher m;
      if ((m = CLI.matcher(text)).find()) {
        code = m.group(1);
        operation = m.group(2);
      } else if ((m = GO_V2.matcher(text)).find()) {
        service = m.group(1).strip().toLowerCase(java.util.Locale.ROOT);
        operation = m.group(2);
        code = m.group(3);
      }
      if ((m = JAVA.matcher(text)).find()) {
        service = service == null ? normalService(m.group(1)) : service;
        code = code == null ? m.group(3) : code;
      }
      if (code == null && (m = ERROR_CODE.matcher(text)).find() && KNOWN_CODES.contains(m.group(1))) {
        code = m.group(1);
      }
      if (code == null) {
        for (String k : KNOWN_CODES) {
          if (Pattern.compile("\\b" + k + "\\b").matcher(text).find()) {
            code = k;
            break;
          }
        }
      }
      if (service == null && operation != null) {
        service = SERVICES.get(operation);
      }
      if (tool == null && (m = USER_AGENT.matcher(text)).find()) {
        tool = m.group(1).toLowerCase(java.util.Locale.ROOT);
        version = version == null ? m.group(2) : version;
      }
    }
    return new TicketContext(text, code, service, operation, tool, version, r.expectAccount(), r.workedBefore());
  }

  private static String normalService(String s) {
    String l = s.toLowerCase(java.util.Locale.ROOT);
    return switch (l) {
      case "awssecuritytokenservice", "sts" -> "sts";
      case "amazonidentitymanagement", "iam" -> "iam";
      case "amazons3", "s3" -> "s3";
      default -> l;
    };
  }

  /** Removes what looks like a secret (40-character secrets, long tokens, assignments of secret settings). */
  static String scrub(String text) {
    String out = text;
    out = SECRET_SHAPES[0].matcher(out).replaceAll("$1$2(redacted)");
    out = SECRET_SHAPES[1].matcher(out).replaceAll("$1(redacted)");
    out = SECRET_SHAPES[3].matcher(out).replaceAll("(redacted)");
    out = SECRET_SHAPES[2].matcher(out).replaceAll("(redacted)");
    out = KEY_ID.matcher(out).replaceAll("$1…$2");
    return out.length() > 4000 ? out.substring(0, 4000) + "…" : out;
  }
}
