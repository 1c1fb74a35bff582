package dev.tokendoctor.vocabulary;

/**
 * The credentials the client sends fail for a reason of their own, whatever else is wrong: a temporary key sent
 * without its session token, a long-term key sent with a token, AWS answered {@code ExpiredToken}, or an expiry
 * written down for them is past. A cause rule that blames something around the credentials (which provider won)
 * ranks itself second to that reason.
 *
 * @param reason {@code temporary-key-without-token}, {@code long-term-key-with-token}, {@code expired-token}
 *     (AWS said so) or {@code expired} (an expiry written down is past)
 */
public record KeysFaultOfTheirOwn(String reason) {}
