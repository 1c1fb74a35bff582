package dev.tokendoctor.collect;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where a signed request of the tool may go. A signed {@code sts:GetCallerIdentity} is an identity proof (Vault
 * and EKS log-ins accept one), and a request carries the session token in a header, so a signed request goes
 * only to an AWS host of the signing region's partition, for the service it was signed for, over HTTPS; or to
 * an endpoint the person named on the command line ({@code --sts-endpoint}, {@code --iam-endpoint}), which may
 * be plain HTTP only on this machine (loopback). A user's own configured endpoint is not such a name: it is a
 * fact to report, not a place to send credentials.
 */
public final class ProbeDestinations {
  private ProbeDestinations() {}

  /**
   * {@code null} when a request signed for {@code service} in {@code region} may be sent to {@code uri};
   * otherwise why not, in plain words. {@code named} are the endpoints given on the command line.
   */
  static String refusal(URI uri, String service, String region, List<URI> named) {
    String host = uri == null || uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
    String scheme = uri == null || uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (host == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return "the address is not an http(s) URL with a host";
    }
    boolean isNamed = named.stream().filter(Objects::nonNull).anyMatch(n -> sameOrigin(n, uri));
    if (isNamed) {
      return scheme.equals("https") || loopback(host) ? null
          : "plain HTTP to " + host + " would carry the signed request and its session token in clear text (only this machine may be called over http://)";
    }
    if (region == null || service == null) {
      return "the request is not signed for a known region and service";
    }
    String partition = Partitions.of(region);
    if (!scheme.equals("https")) {
      return host + " is called over plain HTTP; signed requests go to AWS over HTTPS only";
    }
    if (!awsHost(host, service, partition)) {
      return host + " is not an AWS " + service.toUpperCase(Locale.ROOT) + " host of partition " + partition
          + " (" + String.join(", ", suffixes(partition)) + ")";
    }
    return null;
  }

  /**
   * {@code host} is an endpoint of {@code service} in {@code partition}: under the partition's DNS suffix, with
   * the service among its labels ({@code sts}, {@code sts-fips}; VPC endpoints and dual-stack hosts included),
   * and every region it names in that partition.
   */
  static boolean awsHost(String host, String service, String partition) {
    String h = host.toLowerCase(Locale.ROOT);
    if (!h.matches("[a-z0-9.-]+")) {
      return false;
    }
    String suffix = suffixes(partition).stream().filter(s -> h.endsWith("." + s)).findFirst().orElse(null);
    if (suffix == null) {
      return false;
    }
    String[] labels = h.substring(0, h.length() - suffix.length() - 1).split("\\.");
    boolean serviceLabel = false;
    for (String label : labels) {
      serviceLabel |= label.equals(service) || label.equals(service + "-fips");
      if (label.matches("[a-z]{2,}(-[a-z]+)+-\\d+") && !Partitions.of(label).equals(partition)) {
        return false;
      }
      if (label.equals("us-gov") && !partition.equals("aws-us-gov")) {
        return false;
      }
    }
    return serviceLabel;
  }

  /** The DNS suffixes of a partition's endpoints (regional, then dual-stack). */
  static List<String> suffixes(String partition) {
    return switch (partition) {
      case "aws", "aws-us-gov" -> List.of("amazonaws.com", "api.aws");
      case "aws-cn" -> List.of("amazonaws.com.cn", "api.amazonwebservices.com.cn");
      default -> List.of(Partitions.dnsSuffix(partition));
    };
  }

  /** This machine: {@code localhost} or a loopback address written as one (no name is looked up). */
  public static boolean loopback(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    return h.equals("localhost") || h.matches("127(\\.\\d{1,3}){3}")
        || h.equals("::1") || h.equals("0:0:0:0:0:0:0:1");
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI u) {
    return u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
  }
}
