package dev.tokendoctor.batch;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the AWS error code in error text pasted into a ticket, so the ranking rules can weigh the causes that
 * explain it. The CLI and boto print the code ({@code An error occurred (InvalidClientTokenId) when calling});
 * some SDKs print only AWS's message, which names the code just as surely.
 */
final class ErrorTexts {
  private static final List<String> CODES = List.of(
      "InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredTokenException", "ExpiredToken",
      "UnrecognizedClientException", "AuthFailure", "RequestExpired", "RequestTimeTooSkewed", "InvalidToken",
      "InvalidAccessKeyId", "UnauthorizedException", "RegionDisabledException", "InvalidIdentityToken",
      "IDPCommunicationError", "AccessDenied", "AccessDeniedException");
  private static final Pattern CODE = Pattern.compile("\\b(" + String.join("|", CODES) + ")\\b");
  private static final Map<String, String> MESSAGES = Map.of(
      "the security token included in the request is invalid", "InvalidClientTokenId",
      "the request signature we calculated does not match", "SignatureDoesNotMatch",
      "the security token included in the request is expired", "ExpiredToken",
      "the aws access key id you provided does not exist in our records", "InvalidAccessKeyId",
      "signature expired", "RequestExpired");

  private ErrorTexts() {}

  /** The error code the text names, or {@code null}. */
  static String code(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    Matcher m = CODE.matcher(text);
    if (m.find()) {
      return m.group(1);
    }
    String lower = text.toLowerCase(java.util.Locale.ROOT);
    for (Map.Entry<String, String> e : MESSAGES.entrySet()) {
      if (lower.contains(e.getKey())) {
        return e.getValue();
      }
    }
    return null;
  }
}
