package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.RegionSetting;
import java.util.Collection;
import java.util.TreeSet;

/**
 * Some clients find no region (one fact per bundle, when the resolution collector ran to the end): who they are,
 * and whether that is the failing client's problem.
 *
 * @param who the tools without a region, in words, at the start of a sentence ({@code boto3 and the AWS CLI v1})
 * @param none no client finds a region
 * @param clientNamed the ticket names the client that failed
 * @param failingAmongThem the ticket names the client that failed, and it is one of those without a region
 */
public record RegionlessClients(String who, boolean none, boolean clientNamed, boolean failingAmongThem) {

  /**
   * The missing region is the failing client's problem: the ticket names it and it finds no region, or nobody said
   * which client failed and no client finds one.
   */
  public boolean failingClientHasNone() {
    return failingAmongThem || (!clientNamed && none);
  }

  /** From the clients' effective region settings; {@code failingClient} is the client whose credentials were probed. */
  public static RegionlessClients of(Collection<?> withoutRegion, Collection<?> withRegion, boolean clientNamed,
      String failingClient) {
    TreeSet<String> labels = new TreeSet<>();
    boolean failing = false;
    for (Object o : withoutRegion) {
      RegionSetting s = (RegionSetting) o;
      labels.add(s.clientLabel());
      failing |= s.client() != null && s.client().equals(failingClient);
    }
    String who = labels.isEmpty() ? "" : labels.size() == 1 ? labels.first()
        : String.join(", ", labels.headSet(labels.last())) + " and " + labels.last();
    return new RegionlessClients(ClientRegion.subject(who), withRegion.isEmpty(), clientNamed, clientNamed && failing);
  }
}
