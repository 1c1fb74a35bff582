package dev.tokendoctor.ticket;

import java.util.regex.Pattern;

/**
 * The AWS error the failing client printed, in any client's wording (see {@link TicketParser}): the block of
 * lines from the first line that names an AWS error to the next blank line (stack traces and the Go and
 * JavaScript SDKs put the status and code on the lines after the message).
 */
final class ErrorTextExtractor implements Extractor {
  private static final Pattern ANCHOR = Pattern.compile(
      "An error occurred \\(|operation error |\\(Service: |\\b(?:InvalidClientTokenId|UnrecognizedClientException|ExpiredToken"
          + "|SignatureDoesNotMatch|InvalidSignatureException|AuthFailure|InvalidAccessKeyId|RequestExpired|RequestTimeTooSkewed"
          + "|RegionDisabledException|UnauthorizedException|InvalidToken|IncompleteSignature|AccessDenied)\\b"
          + "|(?i:security token included in the request is|request signature we calculated|signature expired|unable to locate credentials"
          + "|could not load credentials|unable to load credentials|no valid credential sources|sts is not activated"
          + "|session token not found or invalid|access key id you provided does not exist|config profile \\(.*\\) could not be found|you must specify a region|unable to load region|could not connect to the endpoint url)");
  private static final int MAX_BLOCK = 25;
  /** The lines an error goes on with: indented stack frames and fields, Terraform's gutter, status lines. */
  private static final Pattern CONTINUATION = Pattern.compile(
      "^[ \\t│}{)\\]'\"]|(?i)status ?code|request ?id|\\bcode:|^Caused by:");

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    int n = 1;
    while (n <= text.size()) {
      if (!ANCHOR.matcher(text.line(n)).find() || DebugLogExtractor.debugLine(text.line(n))) {
        n++;
        continue;
      }
      int end = n;
      while (end < text.size() && end - n < MAX_BLOCK && continues(text.line(end + 1))) {
        end++;
      }
      StringBuilder block = new StringBuilder();
      for (int i = n; i <= end; i++) {
        block.append(text.line(i)).append('\n');
      }
      facts.error(TicketParser.error(block.toString()), n, end, text);
      n = end + 1;
    }
  }

  private static boolean continues(String line) {
    return !line.isBlank() && (CONTINUATION.matcher(line).find() || ANCHOR.matcher(line).find());
  }
}
