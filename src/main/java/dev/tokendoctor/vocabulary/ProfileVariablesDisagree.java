package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ValueDescriptor;

/**
 * {@code AWS_PROFILE} and {@code AWS_DEFAULT_PROFILE} are both set, to different profiles. The clients read them
 * in a different order (botocore reads {@code AWS_DEFAULT_PROFILE} first, the AWS CLI v2 {@code AWS_PROFILE},
 * the Java SDK only {@code AWS_PROFILE}), so tools on one machine use different profiles.
 *
 * @param profileOrigin where {@code AWS_PROFILE} is set ({@code env AWS_PROFILE})
 * @param profile its value's descriptor (shown as the profile name)
 * @param defaultOrigin where {@code AWS_DEFAULT_PROFILE} is set
 * @param defaultProfile its value's descriptor
 */
public record ProfileVariablesDisagree(
    Origin profileOrigin, ValueDescriptor profile, Origin defaultOrigin, ValueDescriptor defaultProfile) {}
