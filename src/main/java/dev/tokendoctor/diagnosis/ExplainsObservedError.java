package dev.tokendoctor.diagnosis;

/**
 * The ranking rules' judgement that a finding explains the error the person saw (its {@code @explains} names
 * an observed code). {@link DiagnosisPolicy} reads it as it is and never recomputes it.
 *
 * @param findingId the finding
 * @param codes the observed codes it explains, as listed in the reason
 */
public record ExplainsObservedError(String findingId, String codes) {}
