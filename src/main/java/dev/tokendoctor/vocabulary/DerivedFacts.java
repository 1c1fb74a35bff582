package dev.tokendoctor.vocabulary;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every derived fact type, in the order docs/facts.md lists them: the rules in {@code rules/vocabulary/} make them. */
public final class DerivedFacts {
  private DerivedFacts() {}

  /**
   * The derived facts by area (one {@code rules/vocabulary/} file each, after the shared ones): docs/facts.md lists
   * each area's facts after an {@code <!-- area: NAME -->} comment, so that areas are added side by side.
   */
  public static final Map<String, List<Class<? extends Record>>> AREAS = areas();

  public static final List<Class<? extends Record>> TYPES = AREAS.values().stream().flatMap(List::stream).toList();

  /** The area {@code type} belongs to ({@code shared} for the first facts of the vocabulary). */
  public static String area(Class<?> type) {
    return AREAS.entrySet().stream().filter(e -> e.getValue().contains(type)).map(Map.Entry::getKey).findFirst().orElse(null);
  }

  private static Map<String, List<Class<? extends Record>>> areas() {
    Map<String, List<Class<? extends Record>>> a = new LinkedHashMap<>();
    a.put("shared", List.of(
        Sent.class, Refused.class, Accepted.class, Now.class, Expired.class, Unexpired.class, OutlivedLifetime.class,
        ClockOff.class, OperatingSystem.class, ProfileAccount.class));
    a.put("sources", List.of( // rules/vocabulary/sources.drl: where credentials come from
        NoCredentials.class, ChainAttempt.class, AmbientCredentials.class, ExpectedProfile.class, ProviderVariables.class,
        ProcessOutcome.class, Misspelled.class, ToolVersion.class, DefectiveVersion.class));
    a.put("regions", List.of( // rules/vocabulary/regions.drl
        ClientRegion.class, RegionNotACode.class, RegionNotFound.class, RegionlessClients.class, KeyRefusedInOpenRegion.class,
        WorksInOpenRegion.class, GlobalEndpointMark.class, CredentialsPartition.class, StsDeactivated.class,
        ScopeMismatch.class, EndpointElsewhere.class, ActiveKey.class));
    a.put("clients", List.of( // rules/vocabulary/clients.drl
        ProfileVariablesDisagree.class, RegionVariablesDisagree.class, RefusedProfileFromVariable.class,
        ProfileDisagreement.class, OtherClientsProfileRefused.class, ClientsDisagree.class, KeyReadBy.class,
        EnvKeysOverrideProfile.class, KeysFaultOfTheirOwn.class, StaticKeysBesideProvider.class));
    a.put("values", List.of( // rules/vocabulary/values.drl
        SentValue.class, WrittenValue.class, LongerToken.class, EmptyTokenRefused.class));
    a.put("files", List.of( // rules/vocabulary/files.drl
        FileMisread.class, WrongHeader.class, HiddenProfile.class, DefinedTwice.class, SentFromDuplicate.class,
        FilesOutOfReach.class));
    // rules/vocabulary/sessions.drl
    a.put("sessions", List.of(
        SsoLogin.class, SsoTokenExpired.class, SsoTokenValid.class, SsoTokenMissing.class, CachedOtherIssuance.class,
        LongRunningClient.class, SentToken.class, ConflictingCopy.class, TokenlessProbe.class, TokenReader.class,
        SplitProfile.class, AwsVaultSession.class, MfaConfigured.class, WrittenByLoginTool.class));
    return a;
  }
}
