package dev.tokendoctor.authoring;

/**
 * One line of the cause list ({@code rules/causes.csv}).
 *
 * @param id the stable cause id ({@code SESSION_TOKEN_MISSING})
 * @param section the folder its rule file belongs in ({@code temporary-credentials})
 * @param title a short title
 * @param line the line it is written on
 */
public record Cause(String id, String section, String title, int line) {}
