package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.RegionSetting;

/**
 * A client's region is not a region code: it has no row in {@code rules/tables/regions.csv} and not the shape
 * of any partition's region codes ({@code us-east1}, {@code US East (N. Virginia)}, {@code us-east-1a}).
 *
 * @param client whose view
 * @param region the region as written
 * @param origin where the client reads it
 * @param failing it is the failing client's region (see {@code ClientRegion.failing})
 * @param meant the region code it probably stands for ({@code us-east-1}); {@code null} when none looks like it
 * @param meantName that region's name ({@code US East (N. Virginia)}); {@code null} with {@code meant}
 */
public record RegionNotACode(String client, String region, Origin origin, boolean failing, String meant, String meantName) {

  /** The environment variable the region is read from; {@code null} when it is not a variable. */
  public String variable() {
    return ClientRegion.variableIn(origin);
  }

  /** The profile whose {@code region} line it is; {@code null} when it is not a profile's line. */
  public String profile() {
    return ClientRegion.profileIn(origin);
  }

  /** The region comes from neither a variable nor a profile (a {@code --region} option). */
  public boolean option() {
    return ClientRegion.optionIn(origin);
  }

  /** The people-facing name of the tools that share this client's view ({@code the AWS CLI v2}). */
  public String clientLabel() {
    return RegionSetting.clientLabel(client);
  }

  /** The tools that share this client's view, at the start of a sentence ({@code boto3 and the AWS CLI v1}). */
  public String clientSubject() {
    return ClientRegion.subject(RegionSetting.clientLabel(client));
  }

  /** The label names one tool, so the verb that follows it is singular. */
  public boolean oneTool() {
    return ClientRegion.oneTool(client);
  }
}
