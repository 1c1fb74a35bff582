package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.CredentialProcessResult;
import dev.tokendoctor.facts.ValueDescriptor;
import java.time.Duration;
import java.time.Instant;

/**
 * What a profile's {@code credential_process} gave when the collector ran it: one outcome per run, the first
 * thing that went wrong in the order a client checks it (finished, exit code, JSON, {@code "Version": 1}, the keys,
 * then the {@code Expiration} and the session token).
 *
 * @param profile the profile that names the process
 * @param origin the config line that names it ({@code ~/.aws/config:2 [build] credential_process})
 * @param program the program's file name; {@code null} when not recorded
 * @param outcome {@code timed-out} (stopped after the collector's time limit), {@code unfinished} (no exit code),
 *     {@code exit-code} (exited non-zero), {@code not-json} (standard output is not a JSON object), {@code no-version}
 *     (no {@code "Version": 1}), {@code incomplete} (no {@code AccessKeyId} or no {@code SecretAccessKey}),
 *     {@code stale} (its {@code Expiration} is past, by {@link Now}), {@code no-token} (an ASIA key without its
 *     {@code SessionToken}) or {@code usable}
 * @param exitCode the exit code; {@code null} when it did not finish
 * @param missingField for {@code incomplete}: the field it left out ({@code AccessKeyId} or {@code SecretAccessKey})
 * @param keyId the returned key id's descriptor, when there is one
 * @param expiration the returned {@code Expiration}, when present and readable
 * @param expiredFor for {@code stale}: how long before now it expired
 */
public record ProcessOutcome(
    String profile, Origin origin, String program, String outcome, Integer exitCode, String missingField,
    ValueDescriptor keyId, Instant expiration, Duration expiredFor) {

  /** The process gave no credentials a client can use. */
  public boolean failed() {
    return !usable();
  }

  /** The process gave credentials a client can use. */
  public boolean usable() {
    return "usable".equals(outcome);
  }

  /** The outcome of {@code r}, judging its {@code Expiration} by {@code now} ({@code null}: not judged). */
  public static ProcessOutcome of(CredentialProcessResult r, Now now) {
    String outcome;
    String missing = null;
    Duration expiredFor = null;
    if (r.timedOut()) {
      outcome = "timed-out";
    } else if (r.exitCode() == null) {
      outcome = "unfinished";
    } else if (r.exitCode() != 0) {
      outcome = "exit-code";
    } else if (!Boolean.TRUE.equals(r.validJson())) {
      outcome = "not-json";
    } else if (!Boolean.TRUE.equals(r.versionOk())) {
      outcome = "no-version";
    } else if (!Boolean.TRUE.equals(r.hasAccessKeyId()) || !Boolean.TRUE.equals(r.hasSecret())) {
      outcome = "incomplete";
      missing = Boolean.TRUE.equals(r.hasAccessKeyId()) ? "SecretAccessKey" : "AccessKeyId";
    } else if (now != null && now.isAfter(r.expiration())) {
      outcome = "stale";
      expiredFor = now.since(r.expiration());
    } else if (!Boolean.TRUE.equals(r.hasToken()) && r.keyId() != null && "ASIA".equals(r.keyId().prefix())) {
      outcome = "no-token";
    } else {
      outcome = "usable";
    }
    return new ProcessOutcome(r.profile(), r.origin(), r.program(), outcome, r.exitCode(), missing, r.keyId(),
        r.expiration(), expiredFor);
  }
}
