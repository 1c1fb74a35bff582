package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The partition the failing client's credentials belong to, and how it is known.
 *
 * @param partition {@code aws}, {@code aws-us-gov}, {@code aws-cn}...
 * @param where where it is seen (a probe, a profile line)
 * @param kind {@code probe} (the same credentials work in a region of that partition), {@code arn} (the profile the
 *     credentials come from names a role_arn / x_principal_arn of it), {@code sso-session} (the profile's IAM
 *     Identity Center session signs in at a region of it) or {@code sso-region} (the profile's sso_region is one)
 * @param value the region the probe worked in, the ARN, or the sign-in region
 * @param session the IAM Identity Center session's name ({@code sso-session}); else {@code null}
 */
public record CredentialsPartition(String partition, Origin where, String kind, String value, String session) {

  public boolean byProbe() {
    return "probe".equals(kind);
  }

  public boolean byArn() {
    return "arn".equals(kind);
  }

  public boolean bySsoSession() {
    return "sso-session".equals(kind);
  }

  public boolean bySsoRegion() {
    return "sso-region".equals(kind);
  }

  /** The partition an ARN names ({@code arn:aws-us-gov:iam::...} gives {@code aws-us-gov}); {@code null} for another value. */
  public static String ofArn(String arn) {
    if (arn == null || !arn.startsWith("arn:")) {
      return null;
    }
    String[] parts = arn.split(":", 3);
    return parts.length > 2 && !parts[1].isEmpty() ? parts[1] : null;
  }
}
