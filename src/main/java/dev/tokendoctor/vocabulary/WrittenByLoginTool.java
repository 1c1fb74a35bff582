package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * A profile holds the expiry line a known login tool writes ({@code rules/tables/login-tools.csv}): that tool wrote
 * the profile's key, secret and token, and logging in with it again rewrites all three together.
 *
 * @param profile the profile
 * @param field the expiry line's key ({@code x_security_token_expires})
 * @param writtenBy the tool or tools that write it ({@code saml2aws, gimme-aws-creds or okta-aws-cli})
 * @param command the command that logs in again for this profile ({@code saml2aws login --force --profile saml})
 * @param origin the expiry line ({@code ~/.aws/credentials:7 [saml] x_security_token_expires})
 */
public record WrittenByLoginTool(String profile, String field, String writtenBy, String command, Origin origin) {}
