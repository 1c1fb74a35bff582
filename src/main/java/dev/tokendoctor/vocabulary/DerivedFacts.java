package dev.tokendoctor.vocabulary;

import java.util.List;

/** Every derived fact type, in the order docs/facts.md lists them: the rules in {@code rules/vocabulary/} make them. */
public final class DerivedFacts {
  private DerivedFacts() {}

  public static final List<Class<? extends Record>> TYPES = List.of(
      Sent.class, Refused.class, Accepted.class, Now.class, Expired.class, Unexpired.class, OutlivedLifetime.class,
      ClockOff.class, OperatingSystem.class, ProfileAccount.class,
      // area: clients
      ProfileVariablesDisagree.class, RegionVariablesDisagree.class, RefusedProfileFromVariable.class,
      ProfileDisagreement.class, OtherClientsProfileRefused.class, ClientsDisagree.class, KeyReadBy.class,
      EnvKeysOverrideProfile.class, KeysFaultOfTheirOwn.class, StaticKeysBesideProvider.class);
}
