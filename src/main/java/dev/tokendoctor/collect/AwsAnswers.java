package dev.tokendoctor.collect;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * What makes a successful answer AWS's. The SDK turns any 200 into a result, a captive portal's HTML page
 * included (with every field empty); only a result with the fields AWS always sends, well formed, is taken as
 * AWS's word, and for {@code GetCallerIdentity} that word is the proof that the credentials are accepted.
 */
final class AwsAnswers {
  private static final Pattern ACCOUNT = Pattern.compile("\\d{12}");
  private static final Pattern CALLER_ARN = Pattern.compile("arn:aws[a-z-]*:(?:iam|sts)::(\\d{12}):\\S{1,2048}");
  /** A principal's unique id ({@code AIDA…}, {@code AROA…:session}), or an account id for root and federated users. */
  private static final Pattern USER_ID = Pattern.compile("(?:\\d{12}|[A-Z][A-Z0-9]{15,127})(?::\\S{1,128})?");

  private AwsAnswers() {}

  /** {@code null} when {@code result} is a well-formed answer; else what is wrong with it, in plain words. */
  static String notAws(Object result) {
    if (result instanceof GetCallerIdentityResponse r) {
      return callerIdentity(r.account(), r.arn(), r.userId());
    }
    if (result instanceof GetAccessKeyInfoResponse r) {
      return r.account() != null && ACCOUNT.matcher(r.account()).matches() ? null : "not a GetAccessKeyInfo result (no account id)";
    }
    if (result instanceof ListUsersResponse r) {
      boolean ok = r.isTruncated() != null && r.users().stream().allMatch(AwsAnswers::named);
      return ok ? null : "not a ListUsers result (no IsTruncated, or a user without a name or ARN)";
    }
    if (result instanceof ListAccessKeysResponse r) {
      boolean ok = r.isTruncated() != null && r.accessKeyMetadata().stream().allMatch(AwsAnswers::described);
      return ok ? null : "not a ListAccessKeys result (no IsTruncated, or a key without an id or status)";
    }
    return null;
  }

  private static String callerIdentity(String account, String arn, String userId) {
    if (account == null || !ACCOUNT.matcher(account).matches()) {
      return "not a GetCallerIdentity result (no 12-digit account id)";
    }
    Matcher m = arn == null ? null : CALLER_ARN.matcher(arn);
    if (m == null || !m.matches() || !m.group(1).equals(account)) {
      return "not a GetCallerIdentity result (no IAM or STS ARN of account " + account + ")";
    }
    if (userId == null || !USER_ID.matcher(userId).matches()) {
      return "not a GetCallerIdentity result (no user id)";
    }
    return null;
  }

  private static boolean named(User u) {
    return u.userName() != null && !u.userName().isBlank() && u.arn() != null && u.arn().startsWith("arn:");
  }

  private static boolean described(AccessKeyMetadata k) {
    return k.accessKeyId() != null && !k.accessKeyId().isBlank() && k.statusAsString() != null;
  }
}
