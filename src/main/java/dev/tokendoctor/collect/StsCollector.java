package dev.tokendoctor.collect;

import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.RegionSetting;
import dev.tokendoctor.facts.SsoToken;
import dev.tokendoctor.facts.StsProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/**
 * Live {@code sts:GetCallerIdentity} with the credentials the failing client would send, where its settings
 * send it (or to {@code --sts-endpoint}). When it fails, the differential probes that separate the hypotheses:
 * the same keys in us-east-1 (enabled in every account), in another partition when the machine hints at one,
 * and without the session token when a long-term key carries one. Every call is bounded; together they stay
 * within the collection's network budget.
 */
final class StsCollector {
  private static final Set<String> LEGACY_GLOBAL_REGIONS = Set.of(
      "ap-northeast-1", "ap-south-1", "ap-southeast-1", "ap-southeast-2", "ca-central-1", "eu-central-1",
      "eu-north-1", "eu-west-1", "eu-west-2", "eu-west-3", "sa-east-1", "us-east-1", "us-east-2", "us-west-1",
      "us-west-2", "aws-global");

  private static final Set<String> REGION_IRRELEVANT = Set.of(
      "ExpiredToken", "SignatureDoesNotMatch", "RequestExpired", "RequestTimeTooSkewed", "IncompleteSignature",
      "InvalidSignatureException", "RequestInTheFuture");

  /** Where one probe goes and with what. */
  record Target(String purpose, String endpoint, String signingRegion, boolean withToken) {}

  void collect(Collection c, Budget budget) {
    if (c.request.offline()) {
      c.ran("sts", "skipped", "--offline");
      return;
    }
    Material m = c.material.get(c.effectiveClient);
    if (m == null) {
      var eff = c.effective();
      c.ran("sts", "skipped", eff != null && eff.found()
          ? "the " + eff.provider() + " credentials of " + c.effectiveClient + " are not known without signing in (nothing to probe with)"
          : "no credentials to probe with");
      return;
    }
    Target primary = primary(c, m);
    StsProbe first = probe(c, budget, primary, m);
    if (first == null) {
      c.ran("sts", "failed", "the network time budget was spent before the first call");
      return;
    }
    boolean partial = false;
    if (!first.ok()) {
      for (Target t : differentials(c, primary, first, m)) {
        if (probe(c, budget, t, m) == null) {
          partial = true;
        }
      }
    }
    if (c.probes.stream().noneMatch(p -> p.ok() || p.failed())) {
      // Said as an unknown, not as a finding: a proxy, a firewall or no network is not a credentials problem,
      // but the report must not read as if AWS had been asked.
      c.ran("sts", "unreachable", "no STS endpoint answered; " + first.endpoint() + ": "
          + (first.errorMessage() == null ? first.outcome() : first.errorMessage()));
      return;
    }
    c.ran("sts", partial ? "partial" : "ok", partial ? "the network time budget ran out before every probe was made" : null);
  }

  private static Target primary(Collection c, Material m) {
    RegionSetting r = c.effectiveRegion(c.effectiveClient);
    String region = r == null || r.missing() ? null : r.region().strip();
    String signing = region == null ? "us-east-1" : region;
    boolean token = m.token != null;
    if (c.request.stsEndpoint() != null) {
      return new Target("primary", c.request.stsEndpoint().toString(), signing, token);
    }
    // A configured endpoint is called only when it is itself an AWS STS host of the region's partition over
    // HTTPS (a VPC or FIPS endpoint). Any other is reported (ENDPOINT_OVERRIDE_ACTIVE) and never sent the keys:
    // the probe goes to the AWS endpoint it hides, so the credentials are still judged.
    EndpointSetting override = c.endpoints.stream().filter(EndpointSetting::effective).findFirst().orElse(null);
    if (override != null && ProbeDestinations.refusal(StsCall.uriOrNull(override.url()), "sts", signing, List.of()) == null) {
      return new Target("primary", override.url().strip(), signing, token);
    }
    if (region == null || "aws-global".equals(region) || (!c.effectiveClient.equals(Clients.JAVA) && legacy(c) && LEGACY_GLOBAL_REGIONS.contains(region))) {
      return new Target("primary", "https://sts.amazonaws.com", "us-east-1", token);
    }
    return new Target("primary", Partitions.stsEndpoint(region), signing, token);
  }

  /** {@code sts_regional_endpoints = legacy} (env or profile), which older botocore also defaults to. */
  private static boolean legacy(Collection c) {
    String env = c.machine.env("AWS_STS_REGIONAL_ENDPOINTS");
    if (env != null) {
      return env.strip().equalsIgnoreCase("legacy");
    }
    Selection sel = Selection.of(c.effectiveClient, c.request, c.machine);
    var s = new ProfileViews(c).botocoreMerged(sel.name()).get("sts_regional_endpoints");
    return s != null && s.value().equalsIgnoreCase("legacy");
  }

  private static List<Target> differentials(Collection c, Target primary, StsProbe first, Material m) {
    List<Target> out = new ArrayList<>();
    boolean endpointDown = !first.failed();
    // These answers name their cause (the key was recognised, or the clock): another region would say the same.
    boolean regionIrrelevant = first.failed() && first.errorCode() != null && REGION_IRRELEVANT.contains(first.errorCode());
    if (regionIrrelevant) {
      if (m.token != null && m.keyId.strip().startsWith("AKIA")) {
        out.add(new Target("without-token", primary.endpoint(), primary.signingRegion(), false));
      }
      return out;
    }
    String primaryPartition = Partitions.of(primary.signingRegion());
    String usEast = c.request.stsEndpoint() != null ? c.request.stsEndpoint().toString() : Partitions.stsEndpoint("us-east-1");
    boolean sameAsPrimary = usEast.equals(primary.endpoint()) && "us-east-1".equals(primary.signingRegion());
    if (!sameAsPrimary && !(endpointDown && usEast.equals(primary.endpoint()))) {
      out.add(new Target("aws".equals(primaryPartition) ? "default-region" : "partition", usEast, "us-east-1", primary.withToken()));
    }
    if ("aws".equals(primaryPartition)) {
      for (String region : otherPartitionHints(c)) {
        String ep = c.request.stsEndpoint() != null ? c.request.stsEndpoint().toString() : Partitions.stsEndpoint(region);
        if (!(endpointDown && ep.equals(primary.endpoint()))) {
          out.add(new Target("partition", ep, region, primary.withToken()));
        }
      }
    }
    if (m.token != null && m.keyId.strip().startsWith("AKIA") && !endpointDown) {
      out.add(new Target("without-token", primary.endpoint(), primary.signingRegion(), false));
    }
    return out;
  }

  /** A region of each other partition the machine mentions (a profile's region, an ARN, an SSO region). */
  private static List<String> otherPartitionHints(Collection c) {
    List<String> shown = new ArrayList<>();
    c.environment.stream().map(EnvVar::value).filter(Objects::nonNull).map(v -> v.shown()).forEach(shown::add);
    c.files().forEach(f -> f.properties.stream().map(ProfileProperty::value).filter(Objects::nonNull)
        .map(v -> v.shown()).forEach(shown::add));
    c.ssoTokens.stream().map(SsoToken::region).forEach(shown::add);
    c.regions.stream().map(RegionSetting::region).forEach(shown::add);
    Set<String> out = new LinkedHashSet<>();
    for (String s : shown) {
      if (s == null) {
        continue;
      }
      String v = s.toLowerCase(java.util.Locale.ROOT);
      if (v.contains("us-gov-") || v.contains("arn:aws-us-gov:")) {
        out.add(v.contains("us-gov-east-1") ? "us-gov-east-1" : "us-gov-west-1");
      }
      if (v.matches("(?s).*\\bcn-(north|northwest)-1\\b.*") || v.contains("arn:aws-cn:")) {
        out.add(v.contains("cn-northwest-1") ? "cn-northwest-1" : "cn-north-1");
      }
    }
    return new ArrayList<>(out);
  }

  /** Makes one probe and records it; {@code null} when the budget is spent. */
  private static StsProbe probe(Collection c, Budget budget, Target t, Material m) {
    Duration timeout = budget.nextCall();
    if (timeout == null) {
      return null;
    }
    StsCall.Answer<GetCallerIdentityResponse> a;
    try (var http = StsCall.http(c.request, timeout)) {
      a = StsCall.run(c.machine.clock(), c.secrets, () -> {
        try (StsClient sts = StsClient.builder()
            .region(StsCall.region(t.signingRegion()))
            .endpointOverride(StsCall.uri(t.endpoint()))
            .credentialsProvider(StsCall.credentials(m, t.withToken()))
            .httpClient(http)
            .overrideConfiguration(StsCall.overrides(timeout))
            .build()) {
          return sts.getCallerIdentity();
        }
      }, r -> r.sdkHttpResponse());
    }
    GetCallerIdentityResponse r = a.result();
    StsProbe p = new StsProbe(t.purpose(), t.endpoint(), t.signingRegion(), Partitions.of(t.signingRegion()),
        t.withToken() && m.token != null, m.shownKeyId(c.descriptors), a.outcome(), a.httpStatus(), a.errorCode(),
        a.errorMessage(), r == null ? null : r.arn(), r == null ? null : r.account(), r == null ? null : r.userId(),
        a.serverDate(), a.elapsedMillis());
    c.probes.add(p);
    if (c.dateProbe == null && a.serverDate() != null) {
      c.dateProbe = p;
      c.localAtServerDate = a.localAtAnswer();
    }
    return p;
  }
}
