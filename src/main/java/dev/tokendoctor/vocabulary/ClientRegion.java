package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.RegionSetting;

/**
 * The region a client signs its requests for (its effective region setting, when it finds one), and whether
 * that client is the one that failed.
 *
 * @param client whose view: {@code java-sdk-v2}, {@code botocore}, {@code cli-v2}
 * @param region the region code as written
 * @param origin where the client reads it ({@code env AWS_REGION}, {@code ~/.aws/config:4 [profile dev] region})
 * @param failing this is the failing client's region: the client whose credentials tokendoctor probed (or no
 *     credentials were resolved for any other client)
 */
public record ClientRegion(String client, String region, Origin origin, boolean failing) {

  /** The environment variable the region is read from ({@code AWS_REGION}); {@code null} when it is not a variable. */
  public String variable() {
    return variableIn(origin);
  }

  /** The profile whose {@code region} line it is; {@code null} when it is not a profile's line. */
  public String profile() {
    return profileIn(origin);
  }

  /** The people-facing name of the tools that share this client's view ({@code the AWS CLI v2}). */
  public String clientLabel() {
    return RegionSetting.clientLabel(client);
  }

  /** The same at the start of a sentence ({@code The AWS CLI v2}, {@code boto3 and the AWS CLI v1}). */
  public String clientSubject() {
    return subject(clientLabel());
  }

  /** The label names one tool ({@code the AWS CLI v2}), so the verb that follows it is singular. */
  public boolean oneTool() {
    return oneTool(client);
  }

  /** {@code AWS_REGION} for {@code env AWS_REGION}; {@code null} for an origin that is not a variable. */
  public static String variableIn(Origin origin) {
    return origin == null ? null : origin.variable();
  }

  /** {@code dev} for {@code ~/.aws/config:4 [profile dev] region}; {@code null} for another origin. */
  public static String profileIn(Origin origin) {
    return origin != null && origin.isProperty("region") ? origin.profile() : null;
  }

  /** The origin is neither a variable nor a profile's line (a {@code --region} option). */
  public static boolean optionIn(Origin origin) {
    return variableIn(origin) == null && profileIn(origin) == null;
  }

  static boolean oneTool(String client) {
    return "cli-v2".equals(client);
  }

  // "boto3" is a name and keeps its lower case; "the AWS CLI v2" starts a sentence.
  static String subject(String label) {
    return label.startsWith("the ") ? "The " + label.substring(4) : label;
  }
}
