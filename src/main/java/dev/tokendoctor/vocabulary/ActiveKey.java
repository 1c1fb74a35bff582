package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import java.time.Instant;

/**
 * A {@code --verify-with} look-up found the access key Active in IAM (the machine's clock is known), and how long
 * ago it was created, judged by the settings {@code key-propagation-delay} and {@code key-created-future-tolerance}.
 *
 * @param keyId the key id's shown form ({@code AKIA…MPLE})
 * @param where the look-up, as evidence shows it ({@code --verify-with admin})
 * @param user the key's IAM user; {@code null} when unknown
 * @param createdAt when it was created; {@code null} when unknown
 * @param ageSeconds seconds from its creation to the collection (negative when the local clock is behind);
 *     {@code null} without a creation date
 * @param justCreated created less than the propagation delay ago (up to the future tolerance ahead): not yet
 *     known everywhere
 * @param settled older than the propagation delay, or of unknown age: AWS knows it
 */
public record ActiveKey(String keyId, Origin where, String user, Instant createdAt, Long ageSeconds, boolean justCreated,
    boolean settled) {

  /** Whole minutes since its creation; {@code null} without a creation date. */
  public Long ageMinutes() {
    return ageSeconds == null ? null : ageSeconds / 60;
  }

  /** The creation date lies ahead of the local clock (the clock is a little behind). */
  public boolean createdAhead() {
    return ageSeconds != null && ageSeconds < 0;
  }
}
