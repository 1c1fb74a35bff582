package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import dev.tokendoctor.facts.ResolvedCredentials;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the clients read their access key id, and which clients read it there: one fact per place.
 *
 * @param origin where the key id is read ({@code env AWS_ACCESS_KEY_ID}, {@code ~/.aws/credentials:2 [dev] aws_access_key_id})
 * @param clients the clients that read it there, as the collector lists them ({@code cli-v2, botocore})
 */
public record KeyReadBy(Origin origin, String clients) {

  /** The fact for {@code origin}, read by the clients of {@code credentials} (resolved credentials), in their order. */
  public static KeyReadBy of(Origin origin, List<?> credentials) {
    return new KeyReadBy(origin, credentials.stream().map(c -> ((ResolvedCredentials) c).client())
        .collect(Collectors.joining(", ")));
  }
}
