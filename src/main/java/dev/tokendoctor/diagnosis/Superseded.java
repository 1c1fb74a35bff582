package dev.tokendoctor.diagnosis;

/**
 * A finding that another, more specific finding explains better. It is still reported, after the others,
 * marked with the finding that supersedes it.
 *
 * @param findingId the general finding
 * @param by the more specific finding
 */
public record Superseded(String findingId, String by) {}
