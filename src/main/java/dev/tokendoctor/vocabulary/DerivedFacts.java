package dev.tokendoctor.vocabulary;

import java.util.List;

/** Every derived fact type, in the order docs/facts.md lists them: the rules in {@code rules/vocabulary/} make them. */
public final class DerivedFacts {
  private DerivedFacts() {}

  public static final List<Class<? extends Record>> TYPES = List.of(
      Sent.class, Refused.class, Accepted.class, Now.class, Expired.class, Unexpired.class, OutlivedLifetime.class,
      ClockOff.class, OperatingSystem.class, ProfileAccount.class,
      // area: sources (rules/vocabulary/sources.drl): where credentials come from
      NoCredentials.class, ChainAttempt.class, AmbientCredentials.class, ExpectedProfile.class, ProviderVariables.class,
      ProcessOutcome.class, Misspelled.class, ToolVersion.class, DefectiveVersion.class,
      // area: regions
      ClientRegion.class, RegionNotACode.class, RegionNotFound.class, RegionlessClients.class, KeyRefusedInOpenRegion.class,
      WorksInOpenRegion.class, GlobalEndpointMark.class, CredentialsPartition.class, StsDeactivated.class,
      ScopeMismatch.class, EndpointElsewhere.class, ActiveKey.class,
      // area: values (rules/vocabulary/values.drl)
      SentValue.class, WrittenValue.class, LongerToken.class, EmptyTokenRefused.class,
      // area: files (rules/vocabulary/files.drl)
      FileMisread.class, WrongHeader.class, HiddenProfile.class, DefinedTwice.class, SentFromDuplicate.class,
      FilesOutOfReach.class);
}
