package dev.tokendoctor.facts;

import java.time.Instant;

/**
 * What happened when the collector ran a profile's {@code credential_process}. Its output is never kept:
 * only its shape.
 *
 * @param profile the profile that names the process
 * @param origin the config line that names it
 * @param program the program's file name (no arguments: they may carry secrets)
 * @param exitCode the exit code; {@code null} when it did not finish
 * @param timedOut it was stopped after the collector's time limit
 * @param validJson stdout parsed as a JSON object
 * @param versionOk the JSON has {@code "Version": 1}
 * @param hasAccessKeyId the JSON has a non-empty {@code AccessKeyId}
 * @param hasSecret the JSON has a non-empty {@code SecretAccessKey}
 * @param hasToken the JSON has a non-empty {@code SessionToken}
 * @param expiration the JSON's {@code Expiration}, when present and readable
 * @param keyId the returned key id's descriptor, when there is one
 */
public record CredentialProcessResult(
    String profile,
    Origin origin,
    String program,
    Integer exitCode,
    boolean timedOut,
    Boolean validJson,
    Boolean versionOk,
    Boolean hasAccessKeyId,
    Boolean hasSecret,
    Boolean hasToken,
    Instant expiration,
    ValueDescriptor keyId) {

  /** The process gave credentials a client accepts. */
  public boolean succeeded() {
    return !timedOut && Integer.valueOf(0).equals(exitCode) && Boolean.TRUE.equals(validJson)
        && Boolean.TRUE.equals(versionOk) && Boolean.TRUE.equals(hasAccessKeyId) && Boolean.TRUE.equals(hasSecret);
  }
}
