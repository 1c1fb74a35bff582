package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
/**
 * AWS accepted a set of credentials: an STS GetCallerIdentity probe returned the caller.
 *
 * @param arn the caller's ARN; {@code null} when not returned
 * @param account the caller's account id; {@code null} when not returned
 * @param where the probe ({@code STS us-east-1 -> 200 OK arn:aws:iam::123456789012:user/dev})
 * @param primary it was the primary probe (the credentials the client uses, as it sends them)
 */
public record Accepted(String arn, String account, Origin where, boolean primary) {

  /** The caller is an IAM user itself ({@code :user/}), not a role. */
  public boolean iamUser() {
    return arn != null && arn.contains(":user/");
  }

  /** The caller is a federated user ({@code :federated-user/}): GetFederationToken credentials. */
  public boolean federatedUser() {
    return arn != null && arn.contains(":federated-user/");
  }
}
