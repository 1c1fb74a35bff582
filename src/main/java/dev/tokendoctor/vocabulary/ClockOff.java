package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;
import java.time.Duration;
import java.time.Instant;

/**
 * How far the machine's clock is from AWS's, when a probe brought back AWS's Date header.
 *
 * @param by how far, either way
 * @param ahead the machine's clock is ahead of AWS's (behind when {@code false})
 * @param localTime the machine's time
 * @param awsTime AWS's time
 * @param where where AWS's time was read ({@code STS us-east-1 Date header}, or {@code clock} when unknown)
 * @param beyondTolerance more than the {@code clock-skew-tolerance} setting: AWS refuses such signatures
 * @param tolerance the {@code clock-skew-tolerance} setting
 */
public record ClockOff(Duration by, boolean ahead, Instant localTime, Instant awsTime, Origin where, boolean beyondTolerance,
    Duration tolerance) {}
