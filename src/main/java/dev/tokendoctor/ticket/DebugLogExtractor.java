package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.Clock;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.StsProbe;
import dev.tokendoctor.facts.ValueDescriptor;
import java.time.Instant;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code --debug} logs and SDK wire logs: the signed request's {@code Authorization} header (its credential
 * scope names the key id, the date, the signing region and the service; its {@code SignedHeaders} say whether
 * a session token was sent), the endpoint, {@code X-Amz-Date} (the client's clock), and the answer: status,
 * {@code Date} header (AWS's clock) and error code. This is what the client really sent, so it outranks
 * every other part of a ticket.
 */
final class DebugLogExtractor implements Extractor {
  private static final Pattern CREDENTIAL = Pattern.compile(
      "Credential=([A-Za-z0-9*….]{8,128})/(\\d{8})/([a-z0-9-]+)/([a-z0-9-]+)/aws4_request");
  private static final Pattern SIGNED_HEADERS = Pattern.compile("SignedHeaders=([a-z0-9;\\-]+)");
  private static final Pattern TOKEN_HEADER = Pattern.compile("(?i)X-Amz-Security-Token['\"]?[:=]\\s*b?['\"]?([^'\",\\s}&]*)");
  private static final Pattern AMZ_DATE = Pattern.compile("(?i)X-Amz-Date['\"]?[:=]\\s*b?['\"]?(\\d{8}T\\d{6}Z)");
  private static final Pattern DATE_HEADER = Pattern.compile("(?i)['\"]?\\bDate['\"]?:\\s*['\"]?([A-Z][a-z]{2}, \\d{2} [A-Z][a-z]{2} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT)");
  private static final Pattern URL = Pattern.compile("\\burl[=:]\\s*['\"]?(https?://[^\\s'\",>]+)");
  private static final Pattern STATUS = Pattern.compile("\"(?:POST|GET|PUT) [^\"]* HTTP/1\\.1\" (\\d{3})|(?i)\\bResponse status(?: code)?:?\\s*(\\d{3})|HTTP/1\\.1 (\\d{3})");
  private static final Pattern XML_CODE = Pattern.compile("<Code>([A-Za-z.]+)</Code>");
  private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");
  private static final Pattern JSON_TYPE = Pattern.compile("\"__type\"\\s*:\\s*\"(?:[^\"#]*#)?([A-Za-z]+)\"");
  private static final Pattern DEBUG = Pattern.compile(" - DEBUG - |\\bDEBUG\\b.*\\b(botocore|urllib3|software\\.amazon|org\\.apache\\.http|request|response)\\b|^\\[DEBUG\\]|^b'<|Response body");

  /** A line of a debug log (its error codes are read here, not as the client's printed error). */
  static boolean debugLine(String line) {
    return DEBUG.matcher(line).find();
  }

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    String all = text.all();
    Matcher c = CREDENTIAL.matcher(all);
    if (!c.find()) {
      return;
    }
    int credLine = text.lineAt(c.start());
    String region = c.group(3);
    String service = c.group(4);
    Origin origin = Origin.ticketLine(credLine, "the signed request's Authorization header");
    KeyIds.Pasted id = KeyIds.find(c.group(1));
    ValueDescriptor keyId = id == null ? null : facts.values.keyId(id);
    Matcher sh = SIGNED_HEADERS.matcher(all);
    Boolean withToken = sh.find(c.start()) ? sh.group(1).contains("x-amz-security-token") : null;
    Matcher th = TOKEN_HEADER.matcher(all);
    ValueDescriptor token = null;
    Origin tokenOrigin = null;
    if (th.find()) {
      withToken = true;
      String raw = th.group(1);
      token = facts.values.describe(raw, PastedValues.Kind.SECRET);
      // Only a token whose value the log shows can be judged by its shape; a hidden one is only known to be sent.
      tokenOrigin = token.length() > 0 ? Origin.ticketLine(text.lineAt(th.start()), "X-Amz-Security-Token header") : null;
    } else if (Boolean.TRUE.equals(withToken)) {
      token = new ValueDescriptor(true, 0, 0, false, false, false, false, false, false, false, false, false, false, null, null,
          null, null, null, null);
    }
    facts.region(region, origin, TicketFacts.Weight.DEBUG_LOG);
    if (withToken != null) {
      facts.credentials(new ResolvedCredentials(client(all), true, true, TicketFacts.UNKNOWN_PROVIDER, null,
          "the credentials the failing request was signed with",
          id == null ? null : origin, keyId, null, null, tokenOrigin, token, null), TicketFacts.Weight.DEBUG_LOG);
      facts.shown("resolution", "partial", origin + ": the key id and session token the client sent (not where they came from)");
    }
    Matcher u = URL.matcher(all);
    String endpoint = u.find() ? PastedSecrets.scrub(u.group(1)) : null;
    Integer status = firstStatus(all);
    String code = first(XML_CODE, all);
    code = code == null ? first(JSON_TYPE, all) : code;
    String message = first(XML_MESSAGE, all);
    Instant requestTime = stamp(first(AMZ_DATE, all));
    Instant serverTime = httpDate(first(DATE_HEADER, all));
    if (requestTime != null && serverTime != null) {
      facts.clock(new Clock(requestTime, serverTime, origin.withNote("the signed request's X-Amz-Date against the answer's Date header"),
          requestTime.getEpochSecond() - serverTime.getEpochSecond()));
      facts.shown("clock", "ok", TicketText.origin(credLine) + ": the request's X-Amz-Date and the answer's Date header");
    }
    facts.error(new PastedError(code, message == null ? null : PastedSecrets.scrub(message), service, null, status, null), credLine, credLine, text);
    if ("sts".equals(service) && (code != null || status != null && status == 200)) {
      facts.probe(new StsProbe("ticket", endpoint, region, partition(region), Boolean.TRUE.equals(withToken), id == null ? null : id.shown(),
          code != null ? "error" : "ok", status, code, message == null ? null : PastedSecrets.scrub(message), null, null, null, serverTime, null, null, null, null, null));
      facts.shown("sts", "partial", TicketText.origin(credLine) + ": the failing client's own STS call, from its debug log");
    }
  }

  private static String client(String all) {
    ToolVersions.Seen t = ToolVersions.find(all);
    String tool = t == null ? null : t.tool();
    if (tool == null) {
      return "ticket";
    }
    return switch (tool) {
      case "aws-cli" -> "cli-v2";
      case "boto3", "botocore" -> "botocore";
      case "aws-sdk-java-v2" -> "java-sdk-v2";
      default -> tool;
    };
  }

  static String partition(String region) {
    String r = region.toLowerCase(Locale.ROOT);
    return r.startsWith("cn-") ? "aws-cn" : r.startsWith("us-gov-") ? "aws-us-gov" : r.startsWith("us-iso-") ? "aws-iso"
        : r.startsWith("us-isob-") ? "aws-iso-b" : "aws";
  }

  private static Integer firstStatus(String all) {
    Matcher m = STATUS.matcher(all);
    while (m.find()) {
      for (int g = 1; g <= 3; g++) {
        if (m.group(g) != null) {
          return Integer.valueOf(m.group(g));
        }
      }
    }
    return null;
  }

  private static String first(Pattern p, String all) {
    Matcher m = p.matcher(all);
    return m.find() ? m.group(1) : null;
  }

  private static Instant stamp(String s) {
    return s == null ? null : SkewMessageExtractor.parse(s);
  }

  private static Instant httpDate(String s) {
    return s == null ? null : SkewMessageExtractor.parse(s);
  }
}
