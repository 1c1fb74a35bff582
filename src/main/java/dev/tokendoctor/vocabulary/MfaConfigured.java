package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

/**
 * The profile the credentials come from (the selected profile, or the aws-vault profile) has an {@code mfa_serial}:
 * its sessions are got with MFA.
 *
 * @param profile the profile
 * @param origin the {@code mfa_serial} line
 */
public record MfaConfigured(String profile, Origin origin) {}
