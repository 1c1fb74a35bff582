package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The failing tool and its version, as the ticket names them.
 *
 * @param tool the tool ({@code aws-cdk}, {@code aws-sdk-js-v3})
 * @param version its version ({@code 2.167.0})
 * @param where where it was said ({@code ticket})
 * @param errorCode the AWS error code it failed with; {@code null} when not known
 */
public record ToolVersion(String tool, String version, Origin where, String errorCode) {}
