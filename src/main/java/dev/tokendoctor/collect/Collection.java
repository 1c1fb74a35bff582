package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CliCacheEntry;
import dev.tokendoctor.facts.Clock;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.CredentialExpiry;
import dev.tokendoctor.facts.CredentialProcessResult;
import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.Host;
import dev.tokendoctor.facts.KeyVerification;
import dev.tokendoctor.facts.ProfileSelection;
import dev.tokendoctor.facts.RegionSetting;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.SsoToken;
import dev.tokendoctor.facts.StsProbe;
import dev.tokendoctor.facts.TicketContext;
import dev.tokendoctor.facts.ToolOptions;
import dev.tokendoctor.redaction.SecretShapes;
import dev.tokendoctor.report.ToolVersion;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.profiles.ProfileFile;

/**
 * One collection in progress: what the collectors found so far (facts), and what they pass to each other in
 * memory only (raw file views, credentials to probe with). Collectors run one after another on one thread.
 */
final class Collection {
  final Machine machine;
  final CollectRequest request;
  final Secrets secrets;
  final Descriptors descriptors;
  final Instant startedAt;

  final List<CollectorRun> runs = new ArrayList<>();
  Host host;
  final List<EnvVar> environment = new ArrayList<>();
  ScannedFile credentialsFile;
  ScannedFile configFile;
  /** What the AWS SDK for Java sees of both files together; {@code null} when it cannot parse them. */
  ProfileFile javaProfiles;
  String javaProfilesError;
  final List<SsoToken> ssoTokens = new ArrayList<>();
  final List<CachedCredentials> cached = new ArrayList<>();
  ProfileSelection selection;
  final List<ResolvedCredentials> credentials = new ArrayList<>();
  /** The credentials each client would send, by client name. */
  final Map<String, Material> material = new LinkedHashMap<>();
  String effectiveClient;
  /** The selected profile's own credentials, when environment keys override them for the failing client. */
  Overridden overridden;
  final List<RegionSetting> regions = new ArrayList<>();
  final List<EndpointSetting> endpoints = new ArrayList<>();
  final List<CredentialProcessResult> processes = new ArrayList<>();
  /** The material each profile's credential_process returned, by profile. */
  final Map<String, Material> processMaterial = new LinkedHashMap<>();
  /** The Expiration each profile's credential_process printed, as written. */
  final Map<String, String> processExpirations = new LinkedHashMap<>();
  final List<CredentialExpiry> expiries = new ArrayList<>();
  final List<StsProbe> probes = new ArrayList<>();
  /** The local clock when the first response with a Date header arrived, and that Date. */
  Instant localAtServerDate;
  StsProbe dateProbe;
  final List<KeyVerification> verifications = new ArrayList<>();
  TicketContext ticket;

  Collection(Machine machine, CollectRequest request, Secrets secrets) {
    this.machine = machine;
    this.request = request;
    this.secrets = secrets;
    this.descriptors = new Descriptors(secrets);
    this.startedAt = machine.clock().instant();
    descriptors.name(request.profile());
    descriptors.name(request.verifyWith());
  }

  /** A cache file holding credentials, with the credentials themselves (in memory only). */
  record CachedCredentials(CliCacheEntry fact, Material material, String rawExpiration) {

    boolean validAt(Instant now) {
      return fact.expiration() == null || fact.expiration().isAfter(now);
    }
  }

  /** A profile's own credentials, which environment keys override (in memory only, like {@link Material}). */
  record Overridden(String profile, String provider, Material material) {}

  void ran(String name, String status, String detail) {
    runs.add(new CollectorRun(name, status, detail == null ? null : secrets.scrub(detail)));
  }

  ResolvedCredentials effective() {
    return credentials.stream().filter(ResolvedCredentials::effective).findFirst().orElse(null);
  }

  RegionSetting effectiveRegion(String client) {
    return regions.stream().filter(r -> r.client().equals(client) && r.effective()).findFirst().orElse(null);
  }

  List<ScannedFile> files() {
    List<ScannedFile> out = new ArrayList<>();
    if (credentialsFile != null) {
      out.add(credentialsFile);
    }
    if (configFile != null) {
      out.add(configFile);
    }
    return out;
  }

  /**
   * The bundle as it may leave the collector: every string of it scrubbed once more by {@link Secrets} (the
   * secrets met, the names that are not shown, anything shaped like a credential), so that even the bundle in
   * memory holds no secret, and the facts that name a hidden profile agree on its descriptor.
   */
  FactBundle bundle() {
    FactBundle raw = rawBundle();
    try {
      BundleCodec codec = new BundleCodec();
      ByteArrayOutputStream json = new ByteArrayOutputStream();
      codec.write(raw, json);
      String scrubbed = secrets.scrub(json.toString(StandardCharsets.UTF_8));
      return codec.read(scrubbed.getBytes(StandardCharsets.UTF_8), "collected bundle", warning -> {});
    } catch (IOException | BundleException e) {
      throw new IllegalStateException("the collected bundle cannot be scrubbed: " + secrets.scrub(e.getMessage()), e);
    }
  }

  private FactBundle rawBundle() {
    List<ScannedFile> files = files();
    Clock clock = new Clock(startedAt,
        dateProbe == null ? null : dateProbe.serverDate(),
        dateProbe == null ? null : Origin.stsProbe(dateProbe.signingRegion() + " Date header"),
        dateProbe == null ? null : localAtServerDate.getEpochSecond() - dateProbe.serverDate().getEpochSecond());
    ToolOptions options = new ToolOptions(request.profile(), request.region(),
        request.stsEndpoint() == null ? null : SecretShapes.url(request.stsEndpoint().toString()),
        request.iamEndpoint() == null ? null : SecretShapes.url(request.iamEndpoint().toString()),
        request.offline(), request.verifyWith());
    return new FactBundle(
        FactBundle.SCHEMA_VERSION,
        new FactBundle.ToolInfo(ToolVersion.NAME, ToolVersion.version()),
        startedAt,
        options,
        runs,
        host,
        clock,
        environment,
        files.stream().map(ScannedFile::fact).toList(),
        files.stream().flatMap(f -> f.sections.stream()).toList(),
        files.stream().flatMap(f -> f.properties.stream()).toList(),
        files.stream().flatMap(f -> f.anomalies.stream()).toList(),
        selection,
        credentials,
        expiries,
        regions,
        endpoints,
        probes,
        ssoTokens,
        cached.stream().map(CachedCredentials::fact).toList(),
        processes,
        verifications,
        ticket);
  }
}
