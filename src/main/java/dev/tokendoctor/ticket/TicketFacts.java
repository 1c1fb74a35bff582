package dev.tokendoctor.ticket;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.Clock;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import dev.tokendoctor.facts.ProfileSelection;
import dev.tokendoctor.facts.RegionSetting;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.StsProbe;
import dev.tokendoctor.facts.TicketContext;
import dev.tokendoctor.report.ToolVersion;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the extractors found in one ticket, gathered into a bundle. Where two parts of a ticket say different
 * things, the more direct one wins (a {@code --debug} log over {@code aws configure list} over an
 * environment listing), whatever their order in the text.
 */
final class TicketFacts {
  /**
   * The provider of credentials whose source the ticket does not show (a configure-list type the extractor does
   * not know, a debug log): unknown, never none, since a bundle's found credentials name their provider.
   */
  static final String UNKNOWN_PROVIDER = "unknown";

  /** How much a source of a fact is trusted; a higher one replaces a lower one. */
  enum Weight { MENTION, ENVIRONMENT, CONFIGURE_LIST, ENDPOINT, COMMAND_LINE, DEBUG_LOG }

  /** The collectors of a machine bundle; those the ticket does not stand in for did not run. */
  private static final List<String> COLLECTORS = List.of("environment", "files", "sso-cache", "cli-cache", "login-cache",
      "credential-process", "resolution", "expiry", "sts", "verification", "clock");

  final PastedValues values = new PastedValues();
  private final Map<String, EnvVar> environment = new LinkedHashMap<>();
  private final List<ProfileSection> sections = new ArrayList<>();
  private final List<ProfileProperty> properties = new ArrayList<>();
  private final List<EndpointSetting> endpoints = new ArrayList<>();
  private final List<StsProbe> probes = new ArrayList<>();
  private final Map<String, CollectorRun> shown = new TreeMap<>();
  private Weighted<ResolvedCredentials> credentials;
  private Weighted<RegionSetting> region;
  private Weighted<ProfileSelection> profile;
  private Clock clock;
  private PastedError error = PastedError.NONE;
  private final List<String> errorLines = new ArrayList<>();
  private ToolVersions.Seen tool;
  private String toolNamed;
  private String expectedAccount;
  private Boolean workedBefore;
  private final List<String> notes = new ArrayList<>();

  private record Weighted<T>(T value, Weight weight) {}

  void env(String name, EnvVar v) {
    environment.put(name, v);
  }

  EnvVar env(String name) {
    return environment.get(name);
  }

  void section(ProfileSection s) {
    sections.add(s);
  }

  void property(ProfileProperty p) {
    properties.add(p);
  }

  void endpoint(EndpointSetting e) {
    if (endpoints.stream().noneMatch(x -> x.url().equals(e.url()) && x.service().equals(e.service()))) {
      endpoints.add(e);
    }
  }

  void probe(StsProbe p) {
    probes.add(p);
  }

  void credentials(ResolvedCredentials c, Weight w) {
    if (credentials == null || w.compareTo(credentials.weight()) > 0) {
      credentials = new Weighted<>(c, w);
    }
  }

  void region(String value, Origin origin, Weight w) {
    if (region == null || w.compareTo(region.weight()) > 0) {
      region = new Weighted<>(new RegionSetting("ticket", value, origin, true), w);
    }
  }

  void profile(String name, Origin source, Weight w) {
    if (profile == null || w.compareTo(profile.weight()) > 0) {
      profile = new Weighted<>(new ProfileSelection(name, source, null, null, List.of()), w);
    }
  }

  /** The first clock evidence wins: it is the failing request's. */
  void clock(Clock c) {
    if (clock == null) {
      clock = c;
    }
  }

  boolean hasClock() {
    return clock != null;
  }

  /** Another reading of the error; what is already known stays. */
  void error(PastedError e, int fromLine, int toLine, TicketText text) {
    if (e.empty()) {
      return;
    }
    boolean first = error.code() == null && e.code() != null;
    error = error.code() != null && e.code() != null && !error.code().equals(e.code()) ? error : error.or(e);
    if (first || errorLines.isEmpty()) {
      errorLines.clear();
      for (int n = fromLine; n <= toLine; n++) {
        errorLines.add(text.line(n));
      }
    }
  }

  PastedError error() {
    return error;
  }

  void tool(ToolVersions.Seen t) {
    if (tool == null || tool.version() == null && t.version() != null) {
      tool = t;
    }
  }

  void toolNamed(String t) {
    if (toolNamed == null) {
      toolNamed = t;
    }
  }

  void expectedAccount(String account) {
    expectedAccount = expectedAccount == null ? account : expectedAccount;
  }

  void workedBefore(boolean b) {
    workedBefore = workedBefore == null ? b : workedBefore;
  }

  /** The ticket stands in for a collector: a listing of variables, a pasted file, a debug log... */
  void shown(String collector, String status, String detail) {
    CollectorRun before = shown.get(collector);
    if (before == null || "ok".equals(status)) {
      shown.put(collector, new CollectorRun(collector, status, detail));
    }
  }

  /** A plain-words remark about what the ticket showed, for the report's warnings. */
  void note(String s) {
    notes.add(s);
  }

  List<String> notes() {
    return notes;
  }

  FactBundle bundle(String source, Instant writtenAt) {
    List<CollectorRun> runs = new ArrayList<>();
    for (String c : COLLECTORS) {
      runs.add(shown.getOrDefault(c, new CollectorRun(c, "skipped", "not shown by the ticket")));
    }
    String text = errorLines.isEmpty() ? null : String.join("\n", errorLines).strip();
    String clientTool = tool != null && tool.tool() != null ? tool.tool() : error.clientTool() != null ? error.clientTool() : toolNamed;
    String clientVersion = tool != null && clientTool != null && clientTool.equals(tool.tool()) ? tool.version() : null;
    TicketContext context = text == null && clientTool == null && expectedAccount == null && workedBefore == null ? null
        : new TicketContext(text == null ? null : TicketParser.cap(PastedSecrets.scrub(text)), error.code(), error.service(),
            error.operation(), clientTool, clientVersion, expectedAccount, workedBefore);
    return new FactBundle(FactBundle.SCHEMA_VERSION, new FactBundle.ToolInfo(ToolVersion.NAME + " triage", ToolVersion.version()),
        writtenAt, null, runs, null, clock, new ArrayList<>(environment.values()), List.of(), sections, properties, List.of(),
        profile == null ? null : profile.value(), credentials == null ? List.of() : List.of(credentials.value()), List.of(),
        regions(), endpoints, probes, List.of(), List.of(), List.of(), List.of(), context);
  }

  /**
   * The region the ticket shows, as the view of the client whose credentials it shows (the AWS CLI's, for
   * {@code aws configure list}): the rules compare a client's region with that client's credentials.
   */
  private List<RegionSetting> regions() {
    if (region == null) {
      return List.of();
    }
    RegionSetting r = region.value();
    String client = credentials != null && credentials.value().client() != null ? credentials.value().client() : r.client();
    return List.of(new RegionSetting(client, r.region(), r.origin(), r.effective()));
  }
}
