package dev.tokendoctor.bundle;

import dev.tokendoctor.facts.CliCacheEntry;
import dev.tokendoctor.facts.Clock;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.ConfigFile;
import dev.tokendoctor.facts.CredentialExpiry;
import dev.tokendoctor.facts.CredentialProcessResult;
import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.FileAnomaly;
import dev.tokendoctor.facts.Host;
import dev.tokendoctor.facts.KeyVerification;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import dev.tokendoctor.facts.ProfileSelection;
import dev.tokendoctor.facts.RegionSetting;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.SsoToken;
import dev.tokendoctor.facts.StsProbe;
import dev.tokendoctor.facts.TicketContext;
import dev.tokendoctor.facts.ToolOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Every fact collected on one machine at one moment, plus the ticket context: the JSON document people attach
 * to tickets. It is redacted by construction (its facts hold no secret) and versioned by {@code schemaVersion};
 * {@code src/main/resources/tokendoctor/bundle.schema.json} documents it. A section that was not collected is
 * absent (an empty list or {@code null}), and {@code collectors} says why.
 *
 * @param schemaVersion the bundle format's version; a reader warns about, and ignores, facts of a newer one
 * @param tool the tool that wrote the bundle
 * @param collectedAt when it was collected
 * @param options the options tokendoctor ran with (never a cause)
 * @param collectors which collectors ran and how each ended
 * @param host who and where the collection ran
 * @param clock the local clock and AWS's, at collection time
 * @param environment the AWS-related environment variables that are set
 * @param files the shared credentials and config files
 * @param sections every section header of those files
 * @param properties every key = value line of those files
 * @param anomalies what the raw line scanner saw that parsers hide or choke on
 * @param profile the selected profile and why
 * @param credentials the credentials each client would sign with
 * @param expiries every expiry written down for credentials or tokens
 * @param regions the region each client would use, and the candidates it passed over
 * @param endpoints user settings that send AWS calls elsewhere
 * @param stsProbes the STS calls made and their answers
 * @param ssoTokens the IAM Identity Center tokens in the SSO cache
 * @param cachedCredentials credentials cached by the CLI or aws login
 * @param credentialProcesses what each credential_process did when run
 * @param verifications what other credentials learned about the failing key
 * @param ticket what the person said about the failure
 */
public record FactBundle(
    Integer schemaVersion,
    ToolInfo tool,
    Instant collectedAt,
    ToolOptions options,
    List<CollectorRun> collectors,
    Host host,
    Clock clock,
    List<EnvVar> environment,
    List<ConfigFile> files,
    List<ProfileSection> sections,
    List<ProfileProperty> properties,
    List<FileAnomaly> anomalies,
    ProfileSelection profile,
    List<ResolvedCredentials> credentials,
    List<CredentialExpiry> expiries,
    List<RegionSetting> regions,
    List<EndpointSetting> endpoints,
    List<StsProbe> stsProbes,
    List<SsoToken> ssoTokens,
    List<CliCacheEntry> cachedCredentials,
    List<CredentialProcessResult> credentialProcesses,
    List<KeyVerification> verifications,
    TicketContext ticket) {

  /** The schema version this tool writes, and the newest it fully understands. */
  public static final int SCHEMA_VERSION = 1;

  public FactBundle {
    collectors = listOf(collectors);
    environment = listOf(environment);
    files = listOf(files);
    sections = listOf(sections);
    properties = listOf(properties);
    anomalies = listOf(anomalies);
    credentials = listOf(credentials);
    expiries = listOf(expiries);
    regions = listOf(regions);
    endpoints = listOf(endpoints);
    stsProbes = listOf(stsProbes);
    ssoTokens = listOf(ssoTokens);
    cachedCredentials = listOf(cachedCredentials);
    credentialProcesses = listOf(credentialProcesses);
    verifications = listOf(verifications);
  }

  /** Every fact of the bundle, as the rules see them. */
  public List<Object> facts() {
    List<Object> all = new ArrayList<>();
    Stream.of(options, host, clock, profile, ticket).filter(Objects::nonNull).forEach(all::add);
    Stream.of(collectors, environment, files, sections, properties, anomalies, credentials, expiries, regions,
            endpoints, stsProbes, ssoTokens, cachedCredentials, credentialProcesses, verifications)
        .forEach(all::addAll);
    return all;
  }

  /** The same bundle with another ticket context (batch input may carry it beside the bundle). */
  public FactBundle withTicket(TicketContext newTicket) {
    return new FactBundle(schemaVersion, tool, collectedAt, options, collectors, host, clock, environment, files,
        sections, properties, anomalies, profile, credentials, expiries, regions, endpoints, stsProbes, ssoTokens,
        cachedCredentials, credentialProcesses, verifications, newTicket);
  }

  private static <T> List<T> listOf(List<T> list) {
    if (list == null) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(list.size());
    for (T item : list) {
      if (item != null) {
        copy.add(item);
      }
    }
    return List.copyOf(copy);
  }

  /**
   * Which tool wrote the bundle.
   *
   * @param name the tool's name
   * @param version its version
   */
  public record ToolInfo(String name, String version) {}
}
