package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.ConfigFile;
import dev.tokendoctor.facts.FileAnomaly;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One shared file as the raw line scanner saw it: its facts, plus the raw values (kept in memory only) that
 * botocore-style parsers would read, so clients' views can be rebuilt without reading the file again.
 */
final class ScannedFile {
  final String kind;
  final Path path;
  final String displayPath;
  final Origin pathSource;
  boolean exists;
  Boolean readable;
  String encoding;
  String lineEndings;
  String sdkParseError;
  Integer sdkParseErrorLine;
  /** Why botocore (and so the AWS CLI) would refuse the whole file, or {@code null}. */
  String botocoreError;
  final List<ProfileSection> sections = new ArrayList<>();
  final List<ProfileProperty> properties = new ArrayList<>();
  final List<FileAnomaly> anomalies = new ArrayList<>();
  /** profile name (botocore's view of the header) → key → raw line value and its line. */
  final Map<String, Map<String, RawValue>> botocoreProfiles = new LinkedHashMap<>();
  /** sso-session / services sections: "type name" → key → value. */
  final Map<String, Map<String, RawValue>> otherSections = new LinkedHashMap<>();

  /** A value as written on its line, with the line it came from. */
  record RawValue(String raw, int line, Origin origin) {
    String stripped() {
      return raw.strip();
    }
  }

  ScannedFile(String kind, Path path, String displayPath, Origin pathSource) {
    this.kind = kind;
    this.path = path;
    this.displayPath = displayPath;
    this.pathSource = pathSource;
  }

  ConfigFile fact() {
    return new ConfigFile(kind, displayPath, pathSource, exists, exists ? readable : null, encoding, lineEndings,
        sdkParseError, sdkParseErrorLine);
  }

  boolean usable() {
    return exists && Boolean.TRUE.equals(readable);
  }

  boolean definesProfile(String name) {
    return botocoreProfiles.containsKey(name);
  }
}
