package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS endpoint URLs in error texts and logs ({@code https://sts.eu-south-1.amazonaws.com/},
 * {@code bucket.s3.us-west-2.amazonaws.com}, {@code sts.cn-north-1.amazonaws.com.cn}): the region and service the
 * failing call went to. Documentation and console links name no endpoint and are passed over.
 */
final class EndpointUrlExtractor implements Extractor {
  // Bounded as DNS bounds names: unbounded, the pattern was quadratic on a long run of name characters.
  private static final Pattern HOST = Pattern.compile(
      "(?i)\\b(?:https?://)?(?:[a-z0-9.\\-]{1,190}\\.)?([a-z0-9\\-]{1,63})[.\\-]((?:[a-z]{2}(?:-gov|-iso[a-z]?)?-[a-z]+-\\d))\\.amazonaws\\.com(?:\\.cn)?\\b");

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    for (int n = 1; n <= text.size(); n++) {
      Matcher m = HOST.matcher(text.line(n));
      if (m.find()) {
        String service = m.group(1).toLowerCase(Locale.ROOT);
        String region = m.group(2).toLowerCase(Locale.ROOT);
        facts.region(region, Origin.ticketLine(n, "the endpoint " + service + "." + region + " the request went to"),
            TicketFacts.Weight.ENDPOINT);
        if (facts.error().service() == null && service.matches("sts|iam|s3|ec2|sso|portal\\.sso|lambda|ssm")) {
          facts.error(new PastedError(null, null, service, null, null, null), n, n, text);
        }
        return;
      }
    }
  }
}
