package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.RegionSetting;

/**
 * A client finds no region anywhere, and the resolution collector ran to the end (so the absence was looked for).
 *
 * @param client whose view: {@code java-sdk-v2}, {@code botocore}, {@code cli-v2}
 * @param where where it was looked up, as evidence shows it ({@code region lookup (botocore)})
 * @param looked where this client looked, in its own order, and the region variables set that it does not read
 *     ({@code RegionSetting.whereLooked})
 * @param profile the selected profile; {@code null} when unknown
 */
public record RegionNotFound(String client, Origin where, String looked, String profile) {

  /** The people-facing name of the tools that share this client's view ({@code boto3 and the AWS CLI v1}). */
  public String clientLabel() {
    return RegionSetting.clientLabel(client);
  }

  /** The label names one tool ({@code the AWS CLI v2}), so the verb that follows it is singular. */
  public boolean oneTool() {
    return ClientRegion.oneTool(client);
  }
}
