package dev.tokendoctor.collect;

import java.net.URI;
import java.time.Duration;

/**
 * What the person asked to collect: the options of {@code collect} and {@code doctor}.
 *
 * @param profile {@code --profile}: the profile the failing client was told to use, or {@code null}
 * @param region {@code --region}: the region the failing client was told to use, or {@code null}
 * @param expectAccount {@code --expect-account}
 * @param verifyWith {@code --verify-with}: a profile with working credentials to look the failing key up
 * @param offline {@code --offline}: no network call at all
 * @param stsEndpoint {@code --sts-endpoint}: where every STS call of the tool goes, or {@code null}
 * @param iamEndpoint {@code --iam-endpoint}: where the IAM look-ups go, or {@code null}
 * @param errorText {@code --error}: the error the person saw
 * @param clientTool {@code --client}: the client that failed ({@code aws-cli}, {@code boto3}...)
 * @param clientVersion {@code --client-version}
 * @param limits how long network calls and processes may take
 * @param workedBefore {@code --worked-before}: the same credentials used to work ({@code null} when not said)
 */
public record CollectRequest(
    String profile,
    String region,
    String expectAccount,
    String verifyWith,
    boolean offline,
    URI stsEndpoint,
    URI iamEndpoint,
    String errorText,
    String clientTool,
    String clientVersion,
    Limits limits,
    Boolean workedBefore) {

  public CollectRequest {
    limits = limits == null ? Limits.DEFAULT : limits;
  }

  /** Without {@code --worked-before}. */
  public CollectRequest(String profile, String region, String expectAccount, String verifyWith, boolean offline,
      URI stsEndpoint, URI iamEndpoint, String errorText, String clientTool, String clientVersion, Limits limits) {
    this(profile, region, expectAccount, verifyWith, offline, stsEndpoint, iamEndpoint, errorText, clientTool,
        clientVersion, limits, null);
  }

  /** Collects everything with default limits and no options. */
  public static CollectRequest defaults() {
    return new CollectRequest(null, null, null, null, false, null, null, null, null, null, Limits.DEFAULT);
  }

  /** The IAM endpoint to use: {@code --iam-endpoint}, else the STS one (emulators serve both on one address). */
  URI iamEndpointOrDefault() {
    return iamEndpoint != null ? iamEndpoint : stsEndpoint;
  }

  /**
   * Time limits, so no collector can hang the tool.
   *
   * @param connect time to open a connection
   * @param call time for one whole call (connect, send, answer)
   * @param networkBudget time for every STS and IAM call of one collection together
   * @param process time a credential_process may run
   */
  public record Limits(Duration connect, Duration call, Duration networkBudget, Duration process) {
    public static final Limits DEFAULT =
        new Limits(Duration.ofMillis(1500), Duration.ofMillis(2500), Duration.ofSeconds(6), Duration.ofSeconds(5));
  }
}
