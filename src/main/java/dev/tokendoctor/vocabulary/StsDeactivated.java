package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * STS answered {@code RegionDisabledException}: it is deactivated for the account in a region. Said by a probe (its
 * signing region is the region) or, in an offline bundle, by the ticket (the region is then the failing client's).
 *
 * @param region the region where STS is off
 * @param where where it was said ({@code STS eu-central-1 -> 403 RegionDisabledException}, {@code ticket})
 * @param message AWS's message, stripped; {@code null} when unknown
 * @param account the account the message names; {@code null} when it names none
 */
public record StsDeactivated(String region, Origin where, String message, String account) {
  private static final Pattern ACCOUNT = Pattern.compile("(?s).*account:?\\s*(\\d{12}).*");

  /** From what AWS said: the message stripped, and the account it names. */
  public static StsDeactivated of(String region, Origin where, String message) {
    String m = message == null ? null : message.strip();
    Matcher a = m == null ? null : ACCOUNT.matcher(m);
    return new StsDeactivated(region, where, m, a != null && a.matches() ? a.group(1) : null);
  }
}
