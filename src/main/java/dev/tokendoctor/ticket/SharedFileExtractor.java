package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pasted {@code ~/.aws/credentials} and {@code ~/.aws/config} files: section headers ({@code [default]},
 * {@code [profile dev]}, {@code [sso-session corp]}), {@code key = value} lines with empty, quoted or masked
 * values. Which file it is comes from the words before it ({@code cat ~/.aws/credentials}, "my config file")
 * or, failing that, from what only one of the two holds; when neither tells, the file stays unknown and rules
 * that depend on the file do not match. Headers are read as the AWS SDKs read them: a credentials file takes
 * bare names, a config file {@code [profile x]}.
 */
final class SharedFileExtractor implements Extractor {
  private static final Pattern HEADER = Pattern.compile("^\\s*\\[([^\\]\\r\\n]*)\\]\\s*$");
  private static final Pattern PROPERTY = Pattern.compile("^(\\s*)([A-Za-z][A-Za-z0-9_.\\-]*)\\s*=(.*)$");
  private static final Pattern NAMES_CREDENTIALS = Pattern.compile("(?i)credentials(?!_process)|credential file");
  private static final Pattern NAMES_CONFIG = Pattern.compile("(?i)\\.aws/config|config file|\\bconfig:|aws_config_file");
  private static final Pattern CONFIG_ONLY_KEYS = Pattern.compile(
      "region|output|sso_.*|role_arn|source_profile|credential_source|credential_process|mfa_serial|duration_seconds|cli_.*|s3|services|endpoint_url|web_identity_token_file|role_session_name");

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    int n = 1;
    while (n <= text.size()) {
      if (!HEADER.matcher(text.line(n)).matches() || !propertyFollows(text, n)) {
        n++;
        continue;
      }
      int end = n;
      while (end < text.size() && (HEADER.matcher(text.line(end + 1)).matches() || PROPERTY.matcher(text.line(end + 1)).matches()
          || comment(text.line(end + 1)) || text.line(end + 1).isBlank() && continues(text, end + 1))) {
        end++;
      }
      block(text, n, end, kind(text, n, end), facts);
      n = end + 1;
    }
  }

  private static boolean propertyFollows(TicketText text, int header) {
    for (int k = header + 1; k <= Math.min(text.size(), header + 3); k++) {
      if (PROPERTY.matcher(text.line(k)).matches()) {
        return true;
      }
      if (!text.line(k).isBlank() && !comment(text.line(k))) {
        return false;
      }
    }
    return false;
  }

  /** A blank line inside a pasted file: the file goes on when a header or property follows. */
  private static boolean continues(TicketText text, int blank) {
    return blank < text.size() && (HEADER.matcher(text.line(blank + 1)).matches() || PROPERTY.matcher(text.line(blank + 1)).matches());
  }

  private static boolean comment(String line) {
    String s = line.strip();
    return s.startsWith("#") || s.startsWith(";");
  }

  /** {@code credentials}, {@code config}, or {@code null} when the ticket does not tell. */
  static String kind(TicketText text, int first, int last) {
    for (int k = first - 1; k >= Math.max(1, first - 3); k--) {
      String l = text.line(k);
      boolean cred = NAMES_CREDENTIALS.matcher(l).find();
      boolean conf = NAMES_CONFIG.matcher(l).find();
      if (cred != conf) {
        return cred ? "credentials" : "config";
      }
    }
    boolean configSigns = false;
    for (int k = first; k <= last; k++) {
      Matcher h = HEADER.matcher(text.line(k));
      if (h.matches() && h.group(1).strip().matches("(sso-session|services)\\s+.+")) {
        configSigns = true;
      }
      Matcher p = PROPERTY.matcher(text.line(k));
      if (p.matches() && CONFIG_ONLY_KEYS.matcher(p.group(2).toLowerCase(Locale.ROOT)).matches()) {
        configSigns = true;
      }
    }
    return configSigns ? "config" : null;
  }

  private static void block(TicketText text, int first, int last, String file, TicketFacts facts) {
    String sectionType = null;
    String section = null;
    List<String> names = new ArrayList<>();
    for (int n = first; n <= last; n++) {
      String line = text.line(n);
      Matcher h = HEADER.matcher(line);
      if (h.matches()) {
        String[] typed = sectionType(file, h.group(1));
        sectionType = typed[0];
        section = PastedNames.looksLikeName(typed[1]) ? typed[1] : "(not shown: not a name)";
        String header = PastedNames.looksLikeName(h.group(1).strip()) ? h.group(1) : "(not shown)";
        facts.section(new ProfileSection(file, "ticket", n, header, sectionType, section));
        names.add(section);
        continue;
      }
      Matcher p = PROPERTY.matcher(line);
      if (p.matches() && section != null) {
        String key = p.group(2).toLowerCase(Locale.ROOT);
        String raw = afterSeparator(p.group(3));
        facts.property(new ProfileProperty(file, "ticket", n, sectionType, section, key, facts.values.describe(raw, kind(key, raw))));
      }
    }
    String which = file == null ? "a pasted AWS credentials or config file" : "a pasted " + file + " file";
    facts.shown("files", "partial", TicketText.origin(first) + ": " + which + " (the customer may have left parts out)");
  }

  /** {type, name} the AWS SDK for Java makes of a header, as the file scanner of collect does. */
  static String[] sectionType(String file, String header) {
    String h = header.strip();
    if (h.equals("default")) {
      return new String[] {"profile", "default"};
    }
    boolean prefixed = h.startsWith("profile ") || h.startsWith("profile\t");
    if ("credentials".equals(file)) {
      return prefixed ? new String[] {"ignored", h.substring(8).strip()} : new String[] {"profile", h};
    }
    for (String type : new String[] {"profile", "sso-session", "services"}) {
      if (h.startsWith(type + " ") || h.startsWith(type + "\t")) {
        return new String[] {type, h.substring(type.length()).strip()};
      }
    }
    // A bare name: wrong in a config file; in a file of unknown kind, what a credentials file would make of it.
    return new String[] {"config".equals(file) ? "ignored" : "profile", h};
  }

  static PastedValues.Kind kind(String key, String raw) {
    if (key.equals("aws_access_key_id")) {
      return PastedValues.Kind.KEY_ID;
    }
    boolean plainKey = CONFIG_ONLY_KEYS.matcher(key).matches() && !key.contains("secret") && !key.contains("token") || key.equals("sso_start_url");
    return plainKey && !PastedSecrets.secretShaped(PastedValues.core(raw)) ? PastedValues.Kind.PLAIN : PastedValues.Kind.SECRET;
  }

  /** What follows {@code =}, as shared-file parsers split it: the blanks after the separator are not the value's. */
  private static String afterSeparator(String s) {
    int i = 0;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return s.substring(i);
  }
}
