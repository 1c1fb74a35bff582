package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.ResolvedCredentials;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The table {@code aws configure list} prints: which source won for the profile, the access key, the secret
 * and the region, as the AWS CLI itself resolved them. It is the CLI's own resolution, so a row
 * {@code <not set>} is a fact (no credentials, no region), not an unknown.
 */
final class ConfigureListExtractor implements Extractor {

  private static final Pattern HEADER = Pattern.compile("^\\s*Name\\s+Value\\s+Type\\s+Location\\s*$");
  private static final Pattern ROW = Pattern.compile(
      "^\\s*(profile|access_key|secret_key|region)\\s+(<not set>|\\S+)\\s+(\\S+)?\\s*(.*)$");
  /** The CLI's "Type" column, as the provider names of {@link ResolvedCredentials}. */
  private static final Map<String, String> PROVIDERS = Map.ofEntries(
      Map.entry("env", "environment"), Map.entry("shared-credentials-file", "profile-static"),
      Map.entry("config-file", "profile-static"), Map.entry("iam-role", "imds"), Map.entry("container-role", "container"),
      Map.entry("sso", "profile-sso"), Map.entry("assume-role", "profile-assume-role"),
      Map.entry("assume-role-with-web-identity", "web-identity"), Map.entry("custom-process", "profile-process"),
      Map.entry("process", "profile-process"), Map.entry("login", "login"));

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    for (int n = 1; n <= text.size(); n++) {
      if (HEADER.matcher(text.line(n)).matches()) {
        table(text, n, facts);
      }
    }
  }

  private static void table(TicketText text, int header, TicketFacts facts) {
    String profile = null;
    String profileType = null;
    Row key = null;
    Row secret = null;
    for (int n = header + 1; n <= Math.min(text.size(), header + 7); n++) {
      Matcher m = ROW.matcher(text.line(n));
      if (!m.matches()) {
        continue;
      }
      String value = m.group(2);
      String type = m.group(3) == null ? "" : m.group(3);
      Origin origin = Origin.ticketLine(n, "aws configure list: " + m.group(1) + ", "
          + ("<not set>".equals(value) ? "not set" : "from " + type));
      switch (m.group(1)) {
        case "profile" -> {
          profile = "<not set>".equals(value) ? "default" : value;
          profileType = type;
        }
        case "access_key" -> key = new Row(value, type, origin, n);
        case "secret_key" -> secret = new Row(value, type, origin, n);
        case "region" -> facts.region("<not set>".equals(value) ? null : value, origin, TicketFacts.Weight.CONFIGURE_LIST);
        default -> { }
      }
    }
    if (profile != null && PastedNames.looksLikeName(profile)) {
      Origin source = "default".equals(profile) && ("None".equals(profileType) || profileType.isEmpty()) ? Origin.byDefault()
          : "env".equals(profileType) ? Origin.env("AWS_PROFILE") : Origin.option("--profile", null);
      facts.profile(profile, source, TicketFacts.Weight.CONFIGURE_LIST);
    }
    if (key == null) {
      return;
    }
    facts.shown("resolution", "ok", TicketText.origin(header) + ": aws configure list shows the AWS CLI's own resolution");
    if ("<not set>".equals(key.value)) {
      facts.credentials(new ResolvedCredentials("cli-v2", true, false, null, null, "aws configure list: no access key", null, null,
          null, null, null, null, "the AWS CLI found no credentials (" + key.origin + ")"), TicketFacts.Weight.CONFIGURE_LIST);
      return;
    }
    String provider = PROVIDERS.get(key.type);
    KeyIds.Pasted id = KeyIds.find(key.value);
    // The CLI shows only the last four characters: the key id's prefix and shape stay unknown, so no descriptor.
    Origin keyOrigin = id == null ? key.origin : key.origin.withNote(key.origin.name() + ", …" + id.last4());
    // Nor a key id origin: a fact that says where a key id was read carries the key id (the bundle's contract); the
    // origin, with the last four characters, is told in the reason instead. A type the table does not know is an
    // unknown provider, never none.
    facts.credentials(new ResolvedCredentials("cli-v2", true, true, provider == null ? TicketFacts.UNKNOWN_PROVIDER : provider,
        provider != null && provider.startsWith("profile") ? profile : null, "aws configure list: " + key.type + ", " + keyOrigin,
        null, null, secret == null ? null : secret.origin, null, null, null, null), TicketFacts.Weight.CONFIGURE_LIST);
  }

  private record Row(String value, String type, Origin origin, int line) {}
}
