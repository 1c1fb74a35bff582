package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The failing client's credentials work in another region of the same partition, one every account can use (not
 * opt-in): the key is valid, so a refusal in the client's own region is about that region.
 *
 * @param where the probe that worked, as evidence shows it
 * @param region the region it was signed for ({@code us-east-1})
 * @param account the caller's account id; {@code null} when not returned
 * @param withToken a session token was sent with the key
 * @param refusedIn the region of the primary probe (the failing client's own region)
 */
public record WorksInOpenRegion(Origin where, String region, String account, boolean withToken, String refusedIn) {}
