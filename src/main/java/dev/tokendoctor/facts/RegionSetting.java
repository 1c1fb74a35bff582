package dev.tokendoctor.facts;

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
public record RegionSetting(String client, String region, String origin, boolean effective) {

  public boolean missing() {
    return region == null || region.isBlank();
  }
}
