package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A probe sent the failing client's key and secret without the session token it sends with them.
 *
 * @param where the probe ({@code STS us-east-1 (no session token) -> 200 OK arn:aws:iam::123456789012:user/sam})
 * @param accepted AWS accepted it
 */
public record TokenlessProbe(Origin where, boolean accepted) {}
