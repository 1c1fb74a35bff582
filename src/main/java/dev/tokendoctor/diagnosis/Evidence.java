package dev.tokendoctor.diagnosis;

/**
 * One piece of evidence behind a finding or a check.
 *
 * @param origin where it was seen: {@code env AWS_SESSION_TOKEN}, {@code ~/.aws/credentials:12 [dev] aws_access_key_id},
 *     {@code STS us-east-1 -> 403 InvalidClientTokenId}
 * @param observation what was seen there, in plain words
 */
public record Evidence(String origin, String observation) {}
