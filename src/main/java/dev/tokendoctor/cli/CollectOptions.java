package dev.tokendoctor.cli;

import dev.tokendoctor.collect.CollectRequest;
import dev.tokendoctor.collect.ProbeDestinations;
import dev.tokendoctor.collect.Machine;
import java.net.URI;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The collection options {@code collect} and {@code doctor} share (PRODUCT.md). */
public final class CollectOptions {
  @Option(names = "--profile", paramLabel = "P", description = "The profile the failing client was told to use (like 'aws --profile P').")
  String profile;

  @Option(names = "--region", paramLabel = "R", description = "The region the failing client was told to use (like 'aws --region R').")
  String region;

  @Option(names = "--expect-account", paramLabel = "ID", description = "The AWS account you meant to use (12 digits).")
  String expectAccount;

  @Option(names = "--verify-with", paramLabel = "PROFILE", description = "Use this profile's working credentials to look the failing key up (sts:GetAccessKeyInfo, iam:ListAccessKeys).")
  String verifyWith;

  @Option(names = "--offline", description = "Make no network call at all (no STS probes, no credential_process).")
  boolean offline;

  @Option(names = "--sts-endpoint", paramLabel = "URL", description = "Send every STS call of the tool here (a VPC endpoint, an emulator), signed for each probe's region: https://, or http:// to this machine only.")
  String stsEndpoint;

  @Option(names = "--iam-endpoint", paramLabel = "URL", description = "Send the IAM look-ups of --verify-with here (default: the --sts-endpoint); https://, or http:// to this machine only.")
  String iamEndpoint;

  @Option(names = "--error", paramLabel = "TEXT", description = "The error message you saw, pasted (secrets in it are scrubbed).")
  String error;

  @Option(names = "--client", paramLabel = "TOOL", description = "The client that failed: aws-cli, boto3, aws-sdk-java-v2, aws-cdk, terraform, ...")
  String client;

  @Option(names = "--client-version", paramLabel = "VERSION", description = "That client's version.")
  String clientVersion;

  @Option(names = "--worked-before", description = "These same credentials used to work (helps tell a deactivated key from a mistyped one).")
  boolean workedBefore;

  CollectRequest request() throws UsageException {
    if (expectAccount != null && !expectAccount.strip().matches("\\d{12}")) {
      throw new UsageException("--expect-account must be a 12-digit account id, not '" + expectAccount + "'");
    }
    return new CollectRequest(blankToNull(profile), blankToNull(region),
        expectAccount == null ? null : expectAccount.strip(), blankToNull(verifyWith), offline,
        url("--sts-endpoint", stsEndpoint), url("--iam-endpoint", iamEndpoint), error,
        client == null ? null : client.strip().toLowerCase(Locale.ROOT), blankToNull(clientVersion), null,
        workedBefore ? Boolean.TRUE : null);
  }

  static Machine machine(CliContext ctx) {
    // Host details (a container marker file) are read only when this is the real process's own environment.
    return new Machine(ctx.env(), ctx.home(), ctx.workingDir(), ctx.clock(), ctx.env() == System.getenv());
  }

  private static URI url(String option, String value) throws UsageException {
    if (value == null) {
      return null;
    }
    URI u;
    try {
      u = URI.create(value.strip());
      if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")) || u.getHost() == null) {
        throw new IllegalArgumentException("not an http(s) URL");
      }
    } catch (IllegalArgumentException e) {
      throw new UsageException(option + " must be an http:// or https:// URL, not '" + value + "'");
    }
    // Signed requests carry the session token: in clear text only to this machine (an emulator, a test server).
    if (u.getScheme().equals("http") && !ProbeDestinations.loopback(u.getHost())) {
      throw new UsageException(option + " " + value + ": plain http:// is allowed only to this machine (localhost, 127.0.0.1, [::1]);"
          + " use https:// so the signed requests and their session token are not sent in clear text");
    }
    return u;
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }
}
