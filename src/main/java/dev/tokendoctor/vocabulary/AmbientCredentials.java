package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.ValueDescriptor;
import java.util.Set;

/**
 * The failing client's credential chain stopped at a provider that answers without any profile naming it: web
 * identity ({@code AWS_WEB_IDENTITY_TOKEN_FILE} with {@code AWS_ROLE_ARN}, which comes before every profile),
 * container credentials, the EC2 instance role or {@code ~/.boto} (which answer when the profile gave nothing).
 *
 * @param client whose chain
 * @param provider {@code web-identity}, {@code container}, {@code imds} or {@code boto-config}
 * @param found the provider gave credentials (when {@code false}, the chain stopped at it with {@code error})
 * @param keyId the key id it gave; {@code null} when none
 * @param where where the key id came from, or the chain ({@code botocore credential chain}) when unknown
 * @param reason why the chain took this provider, in plain words
 * @param error why it failed, when it did
 */
public record AmbientCredentials(
    String client, String provider, boolean found, ValueDescriptor keyId, Origin where, String reason, String error) {

  /** The providers that answer without a profile naming them. */
  public static final Set<String> PROVIDERS = Set.of("web-identity", "container", "imds", "boto-config");

  /** The provider {@code c} took its credentials from answers without a profile naming it. */
  public static boolean ambient(ResolvedCredentials c) {
    return c.provider() != null && PROVIDERS.contains(c.provider());
  }

  /** The fact for {@code c}, whose provider is one of {@link #PROVIDERS}. */
  public static AmbientCredentials of(ResolvedCredentials c) {
    return new AmbientCredentials(c.client(), c.provider(), c.found(), c.keyId(),
        c.keyIdOrigin() != null ? c.keyIdOrigin() : c.chainOrigin(), c.reason(), c.error());
  }
}
