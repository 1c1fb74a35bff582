package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
import java.time.Duration;
import java.time.Instant;

/**
 * An expiry written down for the credentials the client sends is still to come (by {@link Now}).
 *
 * @param origin where the expiry is written
 * @param expiresAt when the credentials expire
 * @param left how long they still have
 */
public record Unexpired(Origin origin, Instant expiresAt, Duration left) {}
