package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * What other, working credentials ({@code --verify-with}) could learn about the failing access key id:
 * {@code sts:GetAccessKeyInfo} gives its account, {@code iam:ListAccessKeys} in that account its status.
 *
 * @param keyId the shown form of the failing key id
 * @param verifiedWith the profile whose credentials made the look-ups
 * @param keyAccount the account {@code GetAccessKeyInfo} says owns the key; {@code null} when unknown
 * @param status {@code Active}, {@code Inactive}, {@code NotFound} (not among the keys of the account's users),
 *     or {@code null} when the look-up could not be made
 * @param userName the IAM user that owns the key, when found
 * @param createDate the key's creation time, when found
 * @param error why a look-up failed, in plain words
 */
public record KeyVerification(
    String keyId, String verifiedWith, String keyAccount, String status, String userName, Instant createDate,
    String error) {

  public Origin origin() {
    return Origin.option("--verify-with", verifiedWith);
  }
}
