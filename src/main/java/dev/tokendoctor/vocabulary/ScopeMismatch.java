package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * Requests are signed for another region than the STS endpoint they reach: an endpoint setting pins STS to an AWS
 * endpoint of one region while the failing client's region is another of the same partition (and no primary probe
 * worked), or AWS said "Credential should be scoped to a valid region" (to the primary probe, or in the ticket of an
 * offline bundle).
 *
 * @param where where it is seen
 * @param kind {@code endpoint} (the setting), {@code probe} (AWS's answer to the primary probe) or {@code ticket}
 * @param url the endpoint: the setting's URL, or the URL the probe called
 * @param endpointRegion the region of that endpoint ({@code endpoint}); else {@code null}
 * @param signedFor the region the probe signed for ({@code probe}); else {@code null}
 * @param message what AWS said, stripped ({@code probe}, {@code ticket}); else {@code null}
 */
public record ScopeMismatch(Origin where, String kind, String url, String endpointRegion, String signedFor, String message) {

  public boolean bySetting() {
    return "endpoint".equals(kind);
  }

  public boolean byProbe() {
    return "probe".equals(kind);
  }

  public boolean byTicket() {
    return "ticket".equals(kind);
  }
}
