package dev.tokendoctor.collect;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;

/**
 * Whether the EC2 instance metadata service answers, the last provider of every chain. Asked only on the real
 * machine (never with an injected environment), only when no other provider had credentials, with a very short
 * time limit; the credentials themselves are not fetched.
 */
final class Imds {
  private Imds() {}

  /** {@code true} when it answers, {@code false} when it does not, {@code null} when it was not asked. */
  static Boolean answers(Collection c) {
    if (c.request.offline() || !c.machine.real()) {
      return null;
    }
    String disabled = c.machine.env("AWS_EC2_METADATA_DISABLED");
    if (disabled != null && disabled.strip().equalsIgnoreCase("true")) {
      return false;
    }
    String base = c.machine.envNonBlank("AWS_EC2_METADATA_SERVICE_ENDPOINT");
    try {
      URI uri = URI.create((base == null ? "http://169.254.169.254" : base.strip()).replaceAll("/+$", "") + "/latest/api/token");
      HttpURLConnection conn = (HttpURLConnection) uri.toURL().openConnection();
      int ms = (int) Math.min(Duration.ofMillis(400).toMillis(), c.request.limits().connect().toMillis());
      conn.setConnectTimeout(ms);
      conn.setReadTimeout(ms);
      conn.setRequestMethod("PUT");
      conn.setRequestProperty("X-aws-ec2-metadata-token-ttl-seconds", "1");
      try {
        return conn.getResponseCode() > 0;
      } finally {
        conn.disconnect();
      }
    } catch (IOException | IllegalArgumentException e) {
      return false;
    }
  }
}
