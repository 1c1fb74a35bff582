package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the customer says in words and commands: the client and its version ("since upgrading to 2.167.0",
 * user agents, {@code --version} output), the {@code --profile} and {@code --region} of the command that
 * failed, that it used to work, the account they meant to use.
 */
final class ProseExtractor implements Extractor {
  private static final Pattern COMMAND = Pattern.compile("(?:^|\\s)(?:\\$\\s*)?(?:aws|cdk|sls|serverless|terraform)\\s+\\S+.*");
  private static final Pattern PROFILE = Pattern.compile("--profile[= ]\\s*['\"]?([A-Za-z0-9_.@+\\-]+)");
  private static final Pattern REGION = Pattern.compile("--region[= ]\\s*['\"]?([a-z0-9\\-]+)");
  private static final Pattern WORKED = Pattern.compile(
      "(?i)\\b(?:worked (?:fine |yesterday|before|until|last)|was working|used to work|stopped working|started failing|suddenly|until (?:yesterday|today|this morning))");
  private static final Pattern ACCOUNT = Pattern.compile(
      "(?i)\\b(?:expected|should be|supposed to be|meant to be|intended|wanted to use|want to use|target)(?: to be)?(?: in)?(?: the)?(?: account)?(?: id)?:? (\\d{12})\\b");

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    ToolVersions.Seen tool = ToolVersions.find(text.all());
    if (tool != null) {
      facts.tool(tool);
    }
    String named = ToolVersions.toolNamed(text.all());
    if (named != null) {
      facts.toolNamed(named);
    }
    for (int n = 1; n <= text.size(); n++) {
      String line = text.line(n);
      if (COMMAND.matcher(line).find()) {
        Matcher p = PROFILE.matcher(line);
        if (p.find() && PastedNames.looksLikeName(p.group(1))) {
          facts.profile(p.group(1), Origin.option("--profile", null), TicketFacts.Weight.COMMAND_LINE);
        }
        Matcher r = REGION.matcher(line);
        if (r.find()) {
          facts.region(r.group(1), Origin.ticketLine(n, "--region of the failing command"), TicketFacts.Weight.COMMAND_LINE);
        }
      }
      if (WORKED.matcher(line).find()) {
        facts.workedBefore(true);
      }
      Matcher a = ACCOUNT.matcher(line);
      if (a.find()) {
        facts.expectedAccount(a.group(1));
      }
    }
  }
}
