package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.ProfileProperty;

/**
 * The selected profile's temporary key is in one shared file (credentials or config) with no token line beside it,
 * and its session token is in the other file only; the files collector ran, so the missing token line is real.
 * botocore takes key, secret and token from one file, so it sends the key alone.
 *
 * @param profile the profile
 * @param key the {@code aws_access_key_id} line
 * @param token the {@code aws_session_token} line in the other file
 */
public record SplitProfile(String profile, ProfileProperty key, ProfileProperty token) {}
