package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.EndpointSetting;

/**
 * An endpoint setting the failing client uses (effective, not turned off) sends its STS calls away from AWS (a host
 * that is not AWS's) or to an AWS endpoint of another partition than the client's region.
 *
 * @param origin where it is set ({@code env AWS_ENDPOINT_URL}, {@code ~/.aws/config:5 [profile dev] endpoint_url})
 * @param url the URL, stripped
 * @param host its host
 * @param allServices it applies to every service, STS included ({@code AWS_ENDPOINT_URL}, not {@code ..._STS})
 * @param hostRegion the region of an AWS host of another partition; {@code null} for a host that is not AWS's
 */
public record EndpointElsewhere(Origin origin, String url, String host, boolean allServices, String hostRegion) {

  /** The host is not an AWS endpoint (an emulator, a proxy, a test server). */
  public boolean notAws() {
    return hostRegion == null;
  }

  /** The environment variable that sets it; {@code null} when a file does. */
  public String variable() {
    return ClientRegion.variableIn(origin);
  }

  public static EndpointElsewhere of(EndpointSetting e, String hostRegion) {
    return new EndpointElsewhere(e.origin(), e.url() == null ? null : e.url().strip(), e.host(), "all".equals(e.service()), hostRegion);
  }
}
