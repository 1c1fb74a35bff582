package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.collect.ScannedFile.RawValue;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ValueDescriptor;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.profiles.Profile;

/**
 * A profile's settings as each family of clients reads them: the AWS SDK for Java (its own parser, both files
 * merged, credentials file first), and botocore / the AWS CLI (each file on its own, values stripped but with
 * quotes and inline comments kept).
 */
final class ProfileViews {
  private final Collection c;

  ProfileViews(Collection c) {
    this.c = c;
  }

  /** One setting as a client reads it: its value, where it is written, and its descriptor. */
  record Setting(String value, Origin origin, ValueDescriptor descriptor) {}

  Set<String> allProfileNames() {
    Set<String> names = new LinkedHashSet<>();
    for (ScannedFile f : c.files()) {
      names.addAll(f.botocoreProfiles.keySet());
    }
    if (c.javaProfiles != null) {
      names.addAll(c.javaProfiles.profiles().keySet());
    }
    return names;
  }

  // ---- botocore / AWS CLI

  boolean botocoreUsable() {
    return c.files().stream().noneMatch(f -> f.botocoreError != null);
  }

  String botocoreError() {
    return c.files().stream().map(f -> f.botocoreError).filter(e -> e != null).findFirst().orElse(null);
  }

  boolean botocoreDefines(String profile) {
    return c.files().stream().anyMatch(f -> f.usable() && f.definesProfile(profile));
  }

  /** Settings of {@code profile} in one file ({@code credentials} or {@code config}), botocore's way. */
  Map<String, Setting> botocoreFile(String kind, String profile) {
    ScannedFile f = kind.equals("credentials") ? c.credentialsFile : c.configFile;
    Map<String, Setting> out = new LinkedHashMap<>();
    if (f == null || !f.usable()) {
      return out;
    }
    Map<String, RawValue> raw = f.botocoreProfiles.get(profile);
    if (raw != null) {
      raw.forEach((k, v) -> out.put(k, new Setting(v.stripped(), v.origin(), descriptorAt(f, v.line(), k))));
    }
    return out;
  }

  /** Both files merged, credentials file values winning, as botocore's full profile config. */
  Map<String, Setting> botocoreMerged(String profile) {
    Map<String, Setting> out = new LinkedHashMap<>(botocoreFile("config", profile));
    out.putAll(botocoreFile("credentials", profile));
    return out;
  }

  /** An sso-session or services section of the config file, botocore's way. */
  Map<String, Setting> section(String type, String name) {
    Map<String, Setting> out = new LinkedHashMap<>();
    ScannedFile f = c.configFile;
    if (f == null || !f.usable() || name == null) {
      return out;
    }
    Map<String, RawValue> raw = f.otherSections.get(type + " " + name.strip());
    if (raw != null) {
      raw.forEach((k, v) -> out.put(k, new Setting(v.stripped(), v.origin(), descriptorAt(f, v.line(), k))));
    }
    return out;
  }

  // ---- AWS SDK for Java v2

  Profile javaProfile(String name) {
    return c.javaProfiles == null ? null : c.javaProfiles.profile(name).orElse(null);
  }

  /** A setting of a profile as the SDK for Java reads it, attributed to the line it most likely came from. */
  Setting java(String profile, String key) {
    Profile p = javaProfile(profile);
    if (p == null) {
      return null;
    }
    String value = p.property(key).orElse(null);
    if (value == null) {
      return null;
    }
    ProfileProperty line = javaLine(profile, key);
    return new Setting(value, line == null ? Origin.other("profile " + profile + " " + key) : line.origin(), line == null ? null : line.value());
  }

  /** The SDK for Java merges duplicates with the later line winning, and the credentials file over the config. */
  private ProfileProperty javaLine(String profile, String key) {
    for (ScannedFile f : c.files()) {
      ProfileProperty last = null;
      for (ProfileProperty p : f.properties) {
        if (p.inProfile() && p.section().equals(profile) && p.key().equals(key)) {
          last = p;
        }
      }
      if (last != null) {
        return last;
      }
    }
    return null;
  }

  private static ValueDescriptor descriptorAt(ScannedFile f, int line, String key) {
    for (ProfileProperty p : f.properties) {
      if (p.line() == line && p.key().equals(key)) {
        return p.value();
      }
    }
    return null;
  }
}
