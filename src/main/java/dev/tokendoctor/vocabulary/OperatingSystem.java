package dev.tokendoctor.vocabulary;

/**
 * The family of the machine's operating system, for fixes that differ by system.
 *
 * @param family {@code windows}, {@code mac} or {@code linux} (also WSL and other Unix systems)
 */
public record OperatingSystem(String family) {}
