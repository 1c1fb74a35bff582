package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * AWS refused the failing client's key as unknown ({@code InvalidClientTokenId}) in a region every account can use
 * (not opt-in in {@code rules/tables/regions.csv}): the primary probe itself in us-east-1, eu-west-1 or
 * us-gov-west-1, else the collector's us-east-1 probe with the same credentials. So the key is unknown, not the region.
 *
 * @param where the probe, as evidence shows it ({@code STS us-east-1 -> 403 InvalidClientTokenId})
 * @param region the region it was signed for
 * @param partition that region's partition ({@code aws}, {@code aws-us-gov}...)
 * @param primary it is the primary probe (the failing client's own call)
 */
public record KeyRefusedInOpenRegion(Origin where, String region, String partition, boolean primary) {

  /** The commercial partition, which needs no naming ("every account can use it"). */
  public boolean commercial() {
    return "aws".equals(partition);
  }
}
