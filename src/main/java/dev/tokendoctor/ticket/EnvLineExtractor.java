package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.facts.EnvVar;
import java.net.URI;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code AWS_*} variables as shells print and set them: {@code env | grep AWS} ({@code AWS_REGION=eu-west-1}),
 * {@code export}, {@code declare -x}, cmd's {@code set}, {@code setx}, fish's {@code set -x}, PowerShell's
 * {@code $env:AWS_REGION = "..."}. Values are described, never kept; masked ones are known only to be set.
 * A pasted listing may leave variables out, so the environment counts as partly seen: an absent variable is
 * unknown.
 */
final class EnvLineExtractor implements Extractor {
  private static final Pattern ASSIGN = Pattern.compile(
      "^\\s*(?:[$#>]\\s*)?(?:export\\s+|declare\\s+-x\\s+|set\\s+|\\$env:)?(AWS_[A-Za-z0-9_]+)[ \\t]*=(.*)$");
  private static final Pattern SPACED = Pattern.compile(
      "^\\s*(?:[$#>]\\s*)?(?:setx|set\\s+-[gU]?x)\\s+(AWS_[A-Za-z0-9_]+)\\s+(.*)$");
  /** Settings whose values are not secret and may be shown whole (still scrubbed, URLs without passwords). */
  private static final Set<String> PLAIN = Set.of("AWS_REGION", "AWS_DEFAULT_REGION", "AWS_PROFILE", "AWS_DEFAULT_PROFILE",
      "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_STS", "AWS_STS_REGIONAL_ENDPOINTS", "AWS_CONFIG_FILE", "AWS_SHARED_CREDENTIALS_FILE",
      "AWS_SDK_LOAD_CONFIG", "AWS_CA_BUNDLE", "AWS_CREDENTIAL_EXPIRATION", "AWS_SESSION_EXPIRATION", "AWS_VAULT", "AWS_ROLE_ARN",
      "AWS_ROLE_SESSION_NAME", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS", "AWS_USE_FIPS_ENDPOINT",
      "AWS_USE_DUALSTACK_ENDPOINT", "AWS_RETRY_MODE", "AWS_MAX_ATTEMPTS", "AWS_PAGER", "AWS_DEFAULT_OUTPUT",
      "AWS_EC2_METADATA_DISABLED", "AWS_SSO_SESSION", "AWS_ACCOUNT_ID", "AWS_EXECUTION_ENV", "AWS_LAMBDA_FUNCTION_NAME");

  @Override
  public void extract(TicketText text, TicketFacts facts) {
    Integer endpointLine = null;
    Integer stsEndpointLine = null;
    for (int n = 1; n <= text.size(); n++) {
      String line = text.line(n);
      Matcher m = ASSIGN.matcher(line);
      if (!m.matches()) {
        m = SPACED.matcher(line);
        if (!m.matches()) {
          continue;
        }
      }
      String name = m.group(1).toUpperCase(Locale.ROOT);
      String raw = m.group(2);
      if (m.pattern() == SPACED || line.matches("^\\s*(?:[$#>]\\s*)?(?:export|declare|set|\\$env:).*")) {
        // A shell statement: the shell removes the quotes, so they are syntax, not part of the value (in a listing
        // that env printed, quotes are the value's own).
        raw = unquoted(raw.stripLeading());
      }
      facts.env(name, new EnvVar(name, facts.values.describe(raw, kind(name, raw))));
      facts.shown("environment", "partial", TicketText.origin(n) + ": some AWS_* variables (a pasted listing may leave some out)");
      String value = PastedValues.core(raw);
      if (PastedValues.masked(raw) || value.isEmpty()) {
        continue;
      }
      switch (name) {
        case "AWS_PROFILE" -> facts.profile(value, Origin.env("AWS_PROFILE"), TicketFacts.Weight.ENVIRONMENT);
        case "AWS_DEFAULT_PROFILE" -> facts.profile(value, Origin.env("AWS_DEFAULT_PROFILE"), TicketFacts.Weight.MENTION);
        case "AWS_REGION" -> facts.region(value, Origin.ticketLine(n, "env AWS_REGION"), TicketFacts.Weight.ENVIRONMENT);
        case "AWS_DEFAULT_REGION" -> facts.region(value, Origin.ticketLine(n, "env AWS_DEFAULT_REGION"), TicketFacts.Weight.MENTION);
        case "AWS_ENDPOINT_URL" -> endpointLine = n;
        case "AWS_ENDPOINT_URL_STS" -> stsEndpointLine = n;
        default -> { }
      }
    }
    EnvVar ignore = facts.env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS");
    boolean ignored = ignore != null && ignore.value().shown() != null && ignore.value().shown().equalsIgnoreCase("true");
    endpoint(facts, "AWS_ENDPOINT_URL_STS", "sts", stsEndpointLine, ignored, true);
    endpoint(facts, "AWS_ENDPOINT_URL", "all", endpointLine, ignored, stsEndpointLine == null);
  }

  private static void endpoint(TicketFacts facts, String name, String service, Integer line, boolean ignored, boolean effective) {
    EnvVar v = facts.env(name);
    if (line == null || v == null || v.value().shown() == null) {
      return;
    }
    String url = v.value().shown();
    String host;
    try {
      host = URI.create(url.strip()).getHost();
    } catch (IllegalArgumentException e) {
      host = null;
    }
    facts.endpoint(new EndpointSetting(service, url, host == null ? null : host.toLowerCase(Locale.ROOT),
        Origin.ticketLine(line, "env " + name), ignored, effective && !ignored));
  }

  private static String unquoted(String s) {
    String t = s.stripTrailing();
    if (t.length() >= 2 && (t.charAt(0) == '"' || t.charAt(0) == '\'') && t.charAt(t.length() - 1) == t.charAt(0)) {
      return t.substring(1, t.length() - 1);
    }
    return s;
  }

  static PastedValues.Kind kind(String name, String raw) {
    if (name.endsWith("ACCESS_KEY_ID")) {
      return PastedValues.Kind.KEY_ID;
    }
    if (PLAIN.contains(name) && !PastedSecrets.secretShaped(PastedValues.core(raw))) {
      return PastedValues.Kind.PLAIN;
    }
    return PastedValues.Kind.SECRET;
  }
}
