package dev.tokendoctor.diagnosis;

import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.StsProbe;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a bundle lets tokendoctor judge: the one definition of "enough facts", read by {@link DiagnosisPolicy}.
 *
 * <ul>
 *   <li><b>Proof</b>: an STS probe of the credentials the client sends ({@code StsProbe(primary)}) was
 *       accepted. Only proof, or a complete offline collection, allows the verdict {@code ok}.
 *   <li><b>Enough to judge</b>: the {@link #JUDGING} collectors ran and ended {@code ok} or {@code partial}:
 *       {@code environment} (the {@code AWS_*} variables), {@code files} (the shared credentials and config
 *       files) and {@code resolution} (which credentials, region and endpoint each client would use). Without
 *       them no rule can say what the client sends, so a refusal with no matching cause is
 *       {@code insufficient}, not {@code inconclusive}.
 *   <li><b>Complete offline</b>: the {@link #LOCAL} collectors (the judging ones and the SSO and CLI caches) all
 *       ended {@code ok}, and every other collector recorded ended {@code ok}, or was skipped for a reason
 *       that does not hide a local fact (the network ones: {@code sts}, {@code verification}, {@code clock}).
 *       That is the offline {@code ok}: every collector ran and found nothing wrong.
 * </ul>
 * A collector with no {@code CollectorRun} in the bundle did not run: unknown is not false.
 *
 * @param statuses every collector's status, by name, as the bundle recorded it
 * @param details why a collector was skipped or failed, by name
 * @param accepted the primary probe AWS accepted, or {@code null}
 * @param refused a primary probe was answered with an AWS error (AWS's view of the credentials is known)
 */
public record FactCoverage(Map<String, String> statuses, Map<String, String> details, StsProbe accepted, boolean refused) {
  /** The collectors without which nothing can be said about what the client sends. */
  public static final List<String> JUDGING = List.of("environment", "files", "resolution");
  /** The collectors that must all have run cleanly for an offline {@code ok}. */
  public static final List<String> LOCAL = List.of("environment", "files", "sso-cache", "cli-cache", "resolution");
  /** Collectors that talk to AWS: skipping them (offline) hides no fact of the machine itself. */
  static final List<String> NETWORK = List.of("sts", "verification", "clock");

  public FactCoverage {
    // Kept in the bundle's order: Map.copyOf iterates in an order that changes from one JVM run to the next, and
    // notKnown() lists the collectors other than the local ones in this map's order.
    statuses = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(statuses));
    details = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  public static FactCoverage of(List<CollectorRun> runs, List<StsProbe> probes) {
    Map<String, String> statuses = new LinkedHashMap<>();
    Map<String, String> details = new LinkedHashMap<>();
    for (CollectorRun r : runs) {
      // A collector recorded twice keeps its worst ending.
      statuses.merge(r.name(), r.status() == null ? "unknown" : r.status(), (a, b) -> "ok".equals(a) ? b : a);
      if (r.detail() != null) {
        details.putIfAbsent(r.name(), r.detail());
      }
    }
    StsProbe accepted = probes.stream().filter(p -> p.primary() && p.ok()).findFirst().orElse(null);
    boolean refused = probes.stream().anyMatch(p -> p.primary() && p.failed());
    return new FactCoverage(statuses, details, accepted, refused);
  }

  /** AWS accepted the credentials the client sends. */
  public boolean proven() {
    return accepted != null;
  }

  /** The judging collectors all ran to an end that yields facts. */
  public boolean enoughToJudge() {
    return missing(JUDGING, true).isEmpty();
  }

  /** Every local collector ran cleanly and nothing else ended badly: the offline {@code ok}. */
  public boolean completeOffline() {
    if (!missing(LOCAL, false).isEmpty()) {
      return false;
    }
    return statuses.entrySet().stream().allMatch(e -> "ok".equals(e.getValue())
        || (NETWORK.contains(e.getKey()) && "skipped".equals(e.getValue())));
  }

  /** What was not known, in plain words: the facts behind each collector that did not run cleanly. */
  public List<String> notKnown() {
    List<String> out = new ArrayList<>();
    for (String name : LOCAL) {
      String status = statuses.get(name);
      if (!"ok".equals(status)) {
        out.add(meaning(name) + " (" + how(name) + ")");
      }
    }
    statuses.forEach((name, status) -> {
      if (!LOCAL.contains(name) && !"ok".equals(status) && !"sts".equals(name)) {
        out.add(meaning(name) + " (" + how(name) + ")");
      }
    });
    if (accepted == null && !refused) {
      out.add("whether AWS accepts the credentials the client sends ("
          + (statuses.containsKey("sts") ? how("sts") : "no STS call was made") + ")");
    }
    return out;
  }

  /** What to collect so that the next run can judge. */
  public List<String> toCollect() {
    List<String> out = new ArrayList<>();
    if (!enoughToJudge()) {
      out.add("Run `tokendoctor collect -o bundle.json` on the machine, in the shell where the error happened "
          + "(with `--profile NAME` if a profile was used and `--error '<the error text>'`), and attach bundle.json; "
          + "it holds no secret (without `--offline`, it also asks STS whether it accepts the credentials)");
      return out;
    } else if (!missing(LOCAL, false).isEmpty()) {
      out.add("Collect again with the current `tokendoctor collect`, which reads the SSO and CLI caches too");
    }
    if (accepted == null && !refused) {
      String sts = statuses.get("sts");
      out.add("skipped".equals(sts)
          ? "Run `tokendoctor doctor` without `--offline`, so that STS says whether it accepts the credentials"
          : "Run `tokendoctor doctor` from a network that reaches STS (or name a VPC endpoint with `--sts-endpoint URL`), "
              + "so that STS says whether it accepts the credentials");
    }
    return out;
  }

  private List<String> missing(List<String> names, boolean partialIsEnough) {
    return names.stream().filter(n -> {
      String s = statuses.get(n);
      return !("ok".equals(s) || (partialIsEnough && "partial".equals(s)));
    }).toList();
  }

  private String how(String name) {
    String status = statuses.get(name);
    if (status == null) {
      return "not collected";
    }
    String detail = details.get(name);
    return status + (detail == null ? "" : ": " + detail);
  }

  private static String meaning(String collector) {
    return switch (collector) {
      case "environment" -> "which AWS_* environment variables are set";
      case "files" -> "what ~/.aws/credentials and ~/.aws/config hold";
      case "resolution" -> "which credentials, region and endpoint each client would use";
      case "sso-cache" -> "what the IAM Identity Center (SSO) token cache holds";
      case "cli-cache" -> "what the AWS CLI's cached role credentials hold";
      case "login-cache" -> "what the aws login cache holds";
      case "credential-process" -> "what the profile's credential_process returns";
      case "expiry" -> "when the credentials and tokens expire";
      case "verification" -> "what IAM knows about the key";
      case "clock" -> "whether the local clock agrees with AWS's";
      default -> "the facts of the " + collector + " collector";
    };
  }
}
