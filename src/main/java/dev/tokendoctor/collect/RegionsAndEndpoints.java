package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.collect.ProfileViews.Setting;
import dev.tokendoctor.facts.EndpointSetting;
import dev.tokendoctor.redaction.SecretShapes;
import dev.tokendoctor.facts.RegionSetting;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The region each client would use (every candidate it reads, in its order, the first one effective) and the
 * user's endpoint settings for STS ({@code AWS_ENDPOINT_URL_STS}, {@code AWS_ENDPOINT_URL}, a services section,
 * a profile's {@code endpoint_url}).
 */
final class RegionsAndEndpoints {
  private final Collection c;
  private final ProfileViews views;

  RegionsAndEndpoints(Collection c, ProfileViews views) {
    this.c = c;
    this.views = views;
  }

  void collect() {
    for (String client : Clients.ALL) {
      regions(client);
    }
    endpoints();
  }

  private void regions(String client) {
    Selection sel = Selection.of(client, c.request, c.machine);
    List<Object[]> candidates = new ArrayList<>();
    if (c.request.region() != null) {
      candidates.add(new Object[] {c.request.region(), Origin.option("--region", null)});
    }
    for (String v : RegionSetting.variablesRead(client)) {
      String value = c.machine.env(v);
      if (value != null && !value.isBlank()) {
        candidates.add(new Object[] {value, Origin.env(v)});
      }
    }
    Setting profileRegion = client.equals(Clients.JAVA) ? views.java(sel.name(), "region")
        : views.botocoreMerged(sel.name()).get("region");
    if (profileRegion != null && !profileRegion.value().isEmpty()) {
      candidates.add(new Object[] {profileRegion.value(), profileRegion.origin()});
    }
    if (candidates.isEmpty()) {
      c.regions.add(new RegionSetting(client, null, Origin.notSet(), true));
      return;
    }
    for (int i = 0; i < candidates.size(); i++) {
      c.regions.add(new RegionSetting(client, (String) candidates.get(i)[0], (Origin) candidates.get(i)[1], i == 0));
    }
  }

  private void endpoints() {
    Selection sel = Selection.of(c.effectiveClient, c.request, c.machine);
    Map<String, Setting> profile = c.effectiveClient.equals(Clients.JAVA) && c.javaProfiles != null
        ? javaSettings(sel.name()) : views.botocoreMerged(sel.name());
    boolean ignored = truthy(c.machine.env("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"))
        || (profile.containsKey("ignore_configured_endpoint_urls") && truthy(profile.get("ignore_configured_endpoint_urls").value()));
    List<EndpointSetting> found = new ArrayList<>();
    // Precedence (sdkref feature-ss-endpoints): service env > general env > services section > profile endpoint_url.
    String stsEnv = c.machine.env("AWS_ENDPOINT_URL_STS");
    if (stsEnv != null && !stsEnv.isBlank()) {
      found.add(setting("sts", stsEnv, Origin.env("AWS_ENDPOINT_URL_STS"), ignored));
    }
    String allEnv = c.machine.env("AWS_ENDPOINT_URL");
    if (allEnv != null && !allEnv.isBlank()) {
      found.add(setting("all", allEnv, Origin.env("AWS_ENDPOINT_URL"), ignored));
    }
    Setting services = profile.get("services");
    if (services != null) {
      Setting sts = views.section("services", services.value()).get("sts.endpoint_url");
      if (sts != null && !sts.value().isEmpty()) {
        found.add(setting("sts", sts.value(), sts.origin(), ignored));
      }
    }
    Setting url = profile.get("endpoint_url");
    if (url != null && !url.value().isEmpty()) {
      found.add(setting("all", url.value(), url.origin(), ignored));
    }
    boolean taken = false;
    for (EndpointSetting e : found) {
      boolean eff = !ignored && !taken;
      taken |= eff;
      c.endpoints.add(new EndpointSetting(e.service(), e.url(), e.host(), e.origin(), e.ignored(), eff));
    }
  }

  private Map<String, Setting> javaSettings(String profile) {
    Map<String, Setting> out = new java.util.LinkedHashMap<>();
    for (String k : new String[] {"endpoint_url", "services", "ignore_configured_endpoint_urls"}) {
      Setting s = views.java(profile, k);
      if (s != null) {
        out.put(k, s);
      }
    }
    return out;
  }

  private static EndpointSetting setting(String service, String url, Origin origin, boolean ignored) {
    String host = null;
    try {
      URI u = URI.create(url.strip());
      host = u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
    } catch (IllegalArgumentException e) {
      // not a URL; the host stays unknown
    }
    // Endpoints are not secret, but a proxy's password or a signed query in one is: only those are reduced.
    return new EndpointSetting(service, SecretShapes.url(url), host, origin, ignored, false);
  }

  private static boolean truthy(String v) {
    return v != null && v.strip().equalsIgnoreCase("true");
  }
}
