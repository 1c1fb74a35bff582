package dev.tokendoctor.facts;

/**
 * A row of {@code rules/tables/token-length-limits.csv}: a length at which tools, form fields or buffers are
 * known to cut values. Session tokens have no fixed length, so one that is exactly this long was most likely
 * cut there (TOKEN_TRUNCATED_OR_MANGLED).
 *
 * @param length the number of characters a cut value is left with
 * @param limit what imposes that length, in plain words
 * @param source where such a cut was reported
 */
public record TokenLengthLimit(int length, String limit, String source) {}
