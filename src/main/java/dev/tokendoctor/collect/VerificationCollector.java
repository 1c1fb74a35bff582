package dev.tokendoctor.collect;

import dev.tokendoctor.collect.ProfileViews.Setting;
import dev.tokendoctor.facts.KeyVerification;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKeyMetadata;
import software.amazon.awssdk.services.iam.model.ListAccessKeysResponse;
import software.amazon.awssdk.services.iam.model.ListUsersResponse;
import software.amazon.awssdk.services.iam.model.User;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetAccessKeyInfoResponse;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * {@code --verify-with PROFILE}: other, working credentials look the failing key up. {@code sts:GetAccessKeyInfo}
 * names the key's account; when the verifying credentials are in that account, {@code iam:ListUsers} and
 * {@code iam:ListAccessKeys} give the key's status and creation time (or show it is gone).
 */
final class VerificationCollector {
  private static final int MAX_USERS = 200;

  void collect(Collection c, Budget budget) {
    String profile = c.request.verifyWith();
    if (profile == null) {
      c.ran("verification", "skipped", "no --verify-with profile given");
      return;
    }
    if (c.request.offline()) {
      c.ran("verification", "skipped", "--offline");
      return;
    }
    Material failing = c.material.get(c.effectiveClient);
    if (failing == null) {
      c.ran("verification", "skipped", "no failing access key id to look up");
      return;
    }
    String keyId = failing.keyId.strip();
    String shown = failing.shownKeyId(c.descriptors);
    ProfileViews views = new ProfileViews(c);
    Map<String, Setting> p = views.botocoreMerged(profile);
    Setting ak = p.get("aws_access_key_id");
    Setting sk = p.get("aws_secret_access_key");
    if (ak == null || sk == null) {
      c.verifications.add(new KeyVerification(shown, profile, null, null, null, null,
          "profile '" + profile + "' has no static keys to verify with"));
      c.ran("verification", "failed", "profile '" + profile + "' has no static keys");
      return;
    }
    Setting tok = p.containsKey("aws_session_token") ? p.get("aws_session_token") : p.get("aws_security_token");
    Material verifier = new Material(ak.value(), sk.value(), tok == null ? null : tok.value());
    c.secrets.remember(verifier.secret);
    c.secrets.remember(verifier.token);
    Setting regionSetting = p.get("region");
    String region = regionSetting == null || regionSetting.value().isEmpty() ? "us-east-1" : regionSetting.value();
    String stsEndpoint = c.request.stsEndpoint() != null ? c.request.stsEndpoint().toString() : Partitions.stsEndpoint(region);

    StsCall.Answer<GetAccessKeyInfoResponse> info = sts(c, budget, stsEndpoint, region, verifier,
        sts -> sts.getAccessKeyInfo(b -> b.accessKeyId(keyId)));
    if (info == null || !info.outcome().equals("ok")) {
      String why = info == null ? "the network time budget was spent" : describe("sts:GetAccessKeyInfo", info);
      c.verifications.add(new KeyVerification(shown, profile, null, null, null, null, why));
      c.ran("verification", "failed", why);
      return;
    }
    String keyAccount = info.result().account();
    StsCall.Answer<GetCallerIdentityResponse> me = sts(c, budget, stsEndpoint, region, verifier, StsClient::getCallerIdentity);
    String myAccount = me != null && me.outcome().equals("ok") ? me.result().account() : null;
    if (myAccount == null || !myAccount.equals(keyAccount)) {
      String why = myAccount == null ? "the --verify-with credentials' own account could not be read"
          : "the key belongs to account " + keyAccount + " but the --verify-with credentials are in " + myAccount
              + ", so IAM there cannot be asked about it";
      c.verifications.add(new KeyVerification(shown, profile, keyAccount, null, null, null, why));
      c.ran("verification", "partial", why);
      return;
    }
    iam(c, budget, verifier, region, keyId, shown, profile, keyAccount);
  }

  private void iam(Collection c, Budget budget, Material verifier, String region, String keyId, String shown,
      String profile, String keyAccount) {
    IamEndpoint partitionIam = IamEndpoint.forRegion(region);
    String iamRegion = partitionIam.signingRegion();
    String endpoint = c.request.iamEndpointOrDefault() != null ? c.request.iamEndpointOrDefault().toString() : partitionIam.url();
    StsCall.Answer<ListUsersResponse> users = iamCall(c, budget, endpoint, iamRegion, verifier,
        iam -> iam.listUsers(b -> b.maxItems(MAX_USERS)));
    if (users == null || !users.outcome().equals("ok")) {
      String why = users == null ? "the network time budget was spent" : describe("iam:ListUsers", users);
      c.verifications.add(new KeyVerification(shown, profile, keyAccount, null, null, null, why));
      c.ran("verification", "partial", why);
      return;
    }
    for (User u : users.result().users()) {
      StsCall.Answer<ListAccessKeysResponse> keys = iamCall(c, budget, endpoint, iamRegion, verifier,
          iam -> iam.listAccessKeys(b -> b.userName(u.userName())));
      if (keys == null || !keys.outcome().equals("ok")) {
        String why = keys == null ? "the network time budget was spent" : describe("iam:ListAccessKeys", keys);
        c.verifications.add(new KeyVerification(shown, profile, keyAccount, null, null, null, why));
        c.ran("verification", "partial", why);
        return;
      }
      for (AccessKeyMetadata k : keys.result().accessKeyMetadata()) {
        if (keyId.equals(k.accessKeyId())) {
          Instant created = k.createDate();
          c.verifications.add(new KeyVerification(shown, profile, keyAccount, k.statusAsString(), k.userName(), created, null));
          c.ran("verification", "ok", null);
          return;
        }
      }
    }
    boolean complete = !Boolean.TRUE.equals(users.result().isTruncated());
    c.verifications.add(new KeyVerification(shown, profile, keyAccount, complete ? "NotFound" : null, null, null,
        complete ? null : "more than " + MAX_USERS + " users; the key was not among the first ones"));
    c.ran("verification", complete ? "ok" : "partial", null);
  }

  private static String describe(String what, StsCall.Answer<?> a) {
    return what + " failed: " + (a.outcome().equals("error") ? a.httpStatus() + " " + a.errorCode() : a.outcome()
        + (a.errorMessage() == null ? "" : " (" + a.errorMessage() + ")"));
  }

  private static <T> StsCall.Answer<T> sts(Collection c, Budget budget, String endpoint, String region, Material m,
      java.util.function.Function<StsClient, T> op) {
    Duration timeout = budget.nextCall();
    if (timeout == null) {
      return null;
    }
    try (var http = StsCall.http(c.request, timeout)) {
      return StsCall.run(c.machine.clock(), c.secrets, () -> {
        try (StsClient sts = StsClient.builder().region(StsCall.region(region)).endpointOverride(StsCall.uri(endpoint))
            .credentialsProvider(StsCall.credentials(m, true)).httpClient(http)
            .overrideConfiguration(StsCall.overrides(timeout)).build()) {
          return op.apply(sts);
        }
      }, r -> r instanceof software.amazon.awssdk.core.SdkResponse s ? s.sdkHttpResponse() : null);
    }
  }

  private static <T> StsCall.Answer<T> iamCall(Collection c, Budget budget, String endpoint, String region, Material m,
      java.util.function.Function<IamClient, T> op) {
    Duration timeout = budget.nextCall();
    if (timeout == null) {
      return null;
    }
    try (var http = StsCall.http(c.request, timeout)) {
      return StsCall.run(c.machine.clock(), c.secrets, () -> {
        try (IamClient iam = IamClient.builder().region(StsCall.region(region)).endpointOverride(StsCall.uri(endpoint))
            .credentialsProvider(StsCall.credentials(m, true)).httpClient(http)
            .overrideConfiguration(StsCall.overrides(timeout)).build()) {
          return op.apply(iam);
        }
      }, r -> r instanceof software.amazon.awssdk.core.SdkResponse s ? s.sdkHttpResponse() : null);
    }
  }
}
