package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
/**
 * A profile names an AWS account: its {@code aws_account_id} or {@code sso_account_id}, or the account in its
 * {@code role_arn}.
 *
 * @param profile the profile's name
 * @param account the 12-digit account id it names
 * @param key the property that names it ({@code sso_account_id}, {@code role_arn}...)
 * @param origin where that property is written ({@code ~/.aws/config:7 [prod] sso_account_id})
 */
public record ProfileAccount(String profile, String account, String key, Origin origin) {

  /** The account a property's value names: the value itself, or a role ARN's account field; null when none. */
  public static String accountIn(String key, String value) {
    if (value == null) {
      return null;
    }
    if (!"role_arn".equals(key)) {
      return value;
    }
    String[] parts = value.split(":");
    return parts.length > 4 && parts[4].matches("\\d{12}") ? parts[4] : null;
  }
}
