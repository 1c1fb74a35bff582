package dev.tokendoctor.diagnosis;

/**
 * Points a ranking rule gives a finding. Findings are listed by the sum of their points, highest first; the
 * reasons are shown with {@code --verbose} and in JSON, so the order can always be explained.
 *
 * @param findingId the finding's id
 * @param points the points (negative to demote)
 * @param reason why, in plain words
 * @param ruleFile the ranking rule's file
 */
public record Score(String findingId, int points, String reason, String ruleFile) {}
