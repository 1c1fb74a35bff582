/**
 * What rules conclude: {@link dev.tokendoctor.diagnosis.Finding findings} (a cause, with evidence and the fix),
 * {@link dev.tokendoctor.diagnosis.Check checks} (what was verified fine), and the ranking facts the ranking
 * rules assert ({@link dev.tokendoctor.diagnosis.Score}, {@link dev.tokendoctor.diagnosis.Superseded}).
 * Rules create findings through {@link dev.tokendoctor.diagnosis.Conclude}.
 */
package dev.tokendoctor.diagnosis;
