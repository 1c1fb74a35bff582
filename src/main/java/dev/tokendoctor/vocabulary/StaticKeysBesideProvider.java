package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.ProfileProperty;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A profile holds static key lines (key id, secret, token) in one file while it also names another credential
 * provider ({@code credential_process}, {@code role_arn}, {@code sso_session}, {@code sso_start_url},
 * {@code web_identity_token_file}): one fact per file that holds such lines.
 *
 * @param profile the profile's name
 * @param path the file holding the static key lines, as shown to people ({@code ~/.aws/credentials})
 * @param deleteLines the {@code sed} script that deletes those lines ({@code 2d;3d;4d})
 */
public record StaticKeysBesideProvider(String profile, String path, String deleteLines) {

  /** The fact for the static key lines {@code lines} (profile properties of {@code profile} in {@code path}). */
  public static StaticKeysBesideProvider of(String profile, String path, List<?> lines) {
    return new StaticKeysBesideProvider(profile, path, lines.stream().map(ProfileProperty.class::cast)
        .sorted(Comparator.comparingInt(ProfileProperty::line)).map(p -> p.line() + "d").collect(Collectors.joining(";")));
  }
}
