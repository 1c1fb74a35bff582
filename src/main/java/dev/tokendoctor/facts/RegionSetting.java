package dev.tokendoctor.facts;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A region a client would use, and where it comes from. The effective one carries {@code effective = true};
 * other candidates (a different {@code AWS_DEFAULT_REGION}, a profile's region shadowed by the environment)
 * are listed too, so rules can see where clients disagree.
 *
 * @param client whose view: {@code java-sdk-v2}, {@code botocore}, {@code cli-v2}
 * @param region the region code as written; {@code null} when the client finds no region at all
 * @param origin where it was read ({@code env AWS_REGION}, {@code ~/.aws/config:4 [profile dev] region},
 *     {@code --region}); {@code none} when no region was found
 * @param effective this is the region the client uses
 */
public record RegionSetting(String client, String region, Origin origin, boolean effective) {

  public boolean missing() {
    return region == null || region.isBlank();
  }

  /**
   * The region variables {@code client} reads, in its order (causes-research.md §4, peers-and-formats.md):
   * botocore (boto3, the AWS CLI v1) reads only {@code AWS_DEFAULT_REGION}; the AWS CLI v2 {@code AWS_REGION}
   * then {@code AWS_DEFAULT_REGION}; the Java SDK, like the Go, JavaScript and .NET SDKs, only {@code AWS_REGION}.
   */
  public static List<String> variablesRead(String client) {
    return switch (client) {
      case "botocore" -> List.of("AWS_DEFAULT_REGION");
      case "cli-v2" -> List.of("AWS_REGION", "AWS_DEFAULT_REGION");
      default -> List.of("AWS_REGION");
    };
  }

  /** The people-facing name of the tools that share {@code client}'s view. */
  public static String clientLabel(String client) {
    return switch (client) {
      case "botocore" -> "boto3 and the AWS CLI v1";
      case "cli-v2" -> "the AWS CLI v2";
      case "java-sdk-v2" -> "the Java, Go, JavaScript and .NET SDKs";
      default -> client;
    };
  }

  public String clientLabel() {
    return clientLabel(client);
  }

  /** The client label at the start of a title: {@code The AWS CLI v2}, {@code boto3 and the AWS CLI v1}. */
  public String clientSubject() {
    return asSubject(clientLabel());
  }

  // "boto3" is a name and keeps its lower case; "the AWS CLI v2" starts a sentence.
  private static String asSubject(String label) {
    return label.startsWith("the ") ? "The " + label.substring(4) : label;
  }

  /**
   * Where this client looked for a region and found none, true to its own order, and the region variables
   * that are set but that it does not read: {@code not in AWS_DEFAULT_REGION (the only region variable boto3
   * and the AWS CLI v1 read), not in profile dev, not given with --region; AWS_REGION is set (us-east-1), but
   * boto3 and the AWS CLI v1 do not read it}.
   */
  public String whereLooked(String profile, Collection<?> environment) {
    List<String> vars = variablesRead(client);
    String inVars = vars.size() == 1
        ? "not in " + vars.get(0) + " (the only region variable " + clientLabel() + " read)"
        : "not in " + String.join(" or ", vars);
    List<String> ignored = new ArrayList<>();
    for (Object o : environment) {
      if (o instanceof EnvVar e && ("AWS_REGION".equals(e.name()) || "AWS_DEFAULT_REGION".equals(e.name()))
          && e.value() != null && e.value().present() && !e.value().empty() && !vars.contains(e.name())) {
        ignored.add(e.name() + " is set" + (e.value().shown() == null ? "" : " (" + e.value().shown() + ")"));
      }
    }
    return inVars + ", not in " + (profile == null ? "the profile" : "profile " + profile) + ", not given with --region"
        + (ignored.isEmpty() ? "" : "; " + String.join(" and ", ignored) + ", but " + clientLabel() + " do not read "
            + (ignored.size() == 1 ? "it" : "them"));
  }
}
