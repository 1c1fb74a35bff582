package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.StsProbe;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of {@code aws sts get-caller-identity} ({@code "UserId"}, {@code "Account"}, {@code "Arn"}): some
 * credentials of the customer's work. They are not proved to be the failing client's (customers often run it
 * with another profile), so the call is recorded as the ticket's, never as the failing client's own.
 */
final class CallerIdentityExtractor implements Extractor {
  private static final Pattern ARN = Pattern.compile("\"Arn\"\\s*:\\s*\"(arn:aws[a-z\\-]*:(?:iam|sts)::(\\d{12}):[^\"]+)\"");
  private static final Pattern USER_ID = Pattern.compile("\"UserId\"\\s*:\\s*\"([A-Z0-9]{8,}(?::[^\"]*)?)\"");

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    Matcher a = ARN.matcher(text.all());
    if (!a.find()) {
      return;
    }
    int line = text.lineAt(a.start());
    Matcher u = USER_ID.matcher(text.all());
    String userId = u.find() ? PastedSecrets.scrub(u.group(1)) : null;
    String arn = a.group(1);
    boolean temporary = arn.contains(":assumed-role/") || arn.contains(":federated-user/");
    facts.probe(new StsProbe("ticket", null, TicketText.origin(line), arn.split(":")[1], temporary, null, "ok", 200, null, null,
        PastedSecrets.scrub(arn), a.group(2), userId, null, null, null, null, null, null));
  }
}
