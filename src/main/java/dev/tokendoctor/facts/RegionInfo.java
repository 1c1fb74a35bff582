package dev.tokendoctor.facts;

/**
 * A row of the region table {@code rules/tables/regions.csv}: reference knowledge, not an observation.
 *
 * @param code the region code ({@code af-south-1})
 * @param partition the partition it belongs to ({@code aws})
 * @param optIn the region must be enabled per account before use (launched after 20 March 2019)
 * @param name its display name
 */
public record RegionInfo(String code, String partition, boolean optIn, String name) {}
