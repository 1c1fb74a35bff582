package dev.tokendoctor.facts;

/**
 * A user setting that sends AWS calls to another address: {@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_STS}, {@code endpoint_url} in a profile or a {@code services} section. The
 * tool's own {@code --sts-endpoint} is not one of these; it is in {@link ToolOptions}.
 *
 * @param service the service it applies to: {@code sts}, or {@code all}
 * @param url the URL as written (endpoints are not secret)
 * @param host the URL's host, lower case
 * @param origin where it was read
 * @param ignored {@code AWS_IGNORE_CONFIGURED_ENDPOINT_URLS} or {@code ignore_configured_endpoint_urls} turns it off
 * @param effective the failing client sends STS calls to it
 */
public record EndpointSetting(String service, String url, String host, Origin origin, boolean ignored, boolean effective) {

  /** The host is one of AWS's own domains. */
  public boolean awsHost() {
    return host != null
        && (host.endsWith(".amazonaws.com") || host.endsWith(".amazonaws.com.cn") || host.endsWith(".api.aws")
            || host.endsWith(".c2s.ic.gov") || host.endsWith(".sc2s.sgov.gov") || host.endsWith(".amazonaws.eu"));
  }

  /** The region named in an AWS host ({@code sts.eu-west-1.amazonaws.com} → {@code eu-west-1}), else {@code null}. */
  public String hostRegion() {
    if (!awsHost()) {
      return null;
    }
    String[] labels = host.split("\\.");
    for (String label : labels) {
      if (label.matches("[a-z]{2}(-[a-z]+)+-\\d+")) {
        return label;
      }
    }
    return null;
  }

  /** The environment variable that sets it ({@code AWS_ENDPOINT_URL_STS}); {@code null} when a file does. */
  public String variable() {
    return origin == null ? null : origin.variable();
  }
}
