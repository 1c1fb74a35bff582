package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * {@code AWS_REGION} and {@code AWS_DEFAULT_REGION} are both set, to different regions. The AWS CLI v1 and boto3
 * read only {@code AWS_DEFAULT_REGION}, the AWS CLI v2 reads {@code AWS_REGION} first, the Java SDK only
 * {@code AWS_REGION}: tools on one machine call different regions.
 *
 * @param regionOrigin where {@code AWS_REGION} is set ({@code env AWS_REGION})
 * @param region its value's descriptor
 * @param defaultOrigin where {@code AWS_DEFAULT_REGION} is set
 * @param defaultRegion its value's descriptor
 */
public record RegionVariablesDisagree(
    Origin regionOrigin, ValueDescriptor region, Origin defaultOrigin, ValueDescriptor defaultRegion) {}
