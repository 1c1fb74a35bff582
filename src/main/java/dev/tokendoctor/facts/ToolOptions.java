package dev.tokendoctor.facts;

/**
 * The options tokendoctor itself ran with. They describe the collection, they are never a cause.
 *
 * @param profile {@code --profile}, when given
 * @param region {@code --region}, when given
 * @param stsEndpoint {@code --sts-endpoint}, when given
 * @param iamEndpoint {@code --iam-endpoint}, when given
 * @param offline {@code --offline}
 * @param verifyWith {@code --verify-with}, when given
 */
public record ToolOptions(
    String profile, String region, String stsEndpoint, String iamEndpoint, boolean offline, String verifyWith) {}
