package dev.tokendoctor.collect;

import dev.tokendoctor.collect.ScannedFile.RawValue;
import dev.tokendoctor.facts.FileAnomaly;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads a shared file line by line, the way a person sees it, and records what parsers hide, normalise or
 * choke on: encodings, line endings, quotes, inline comments, duplicates, section-header mistakes, indented
 * keys. Every property keeps its file, line and section.
 */
final class FileScanner {
  /** Profile names the AWS SDK for Java accepts; a section with any other character is dropped by it. */
  private static final Pattern JAVA_PROFILE_NAME = Pattern.compile("[\\w\\-/.%@:+]+");
  private static final Pattern RUN_TOGETHER = Pattern.compile(
      "(?i).*\\S(aws_access_key_id|aws_secret_access_key|aws_session_token|aws_security_token|region)\\s*=.*");

  private final Descriptors descriptors;

  FileScanner(Descriptors descriptors) {
    this.descriptors = descriptors;
  }

  void scan(ScannedFile f, byte[] bytes) {
    Charset charset = StandardCharsets.UTF_8;
    int skip = 0;
    if (bytes.length >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF) {
      f.encoding = "utf-8-bom";
      skip = 3;
      anomaly(f, 1, "BOM", null, null, "the file starts with a UTF-8 byte order mark (invisible; breaks the first line for botocore and the AWS SDK for Java)", null);
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFF && (bytes[1] & 0xff) == 0xFE) {
      f.encoding = "utf-16le";
      charset = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xFE && (bytes[1] & 0xff) == 0xFF) {
      f.encoding = "utf-16be";
      charset = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (looksUtf16(bytes, 1)) {
      f.encoding = "utf-16le";
      charset = StandardCharsets.UTF_16LE;
    } else if (looksUtf16(bytes, 0)) {
      f.encoding = "utf-16be";
      charset = StandardCharsets.UTF_16BE;
    } else {
      f.encoding = "utf-8";
    }
    if (charset != StandardCharsets.UTF_8) {
      anomaly(f, 0, "UTF16", null, null, "the file is UTF-16 (" + f.encoding + "), as PowerShell '>' writes it; AWS clients expect UTF-8", null);
    }
    String text = new String(bytes, skip, bytes.length - skip, charset);
    f.lineEndings = lineEndings(text);
    if (!"lf".equals(f.lineEndings)) {
      anomaly(f, 0, "CRLF", null, null, "Windows line endings (" + f.lineEndings + ")", null);
    }
    scanLines(f, text);
    botocoreVerdict(f);
  }

  private static boolean looksUtf16(byte[] b, int zeroAt) {
    if (b.length < 4) {
      return false;
    }
    int zeros = 0;
    int pairs = Math.min(b.length / 2, 64);
    for (int i = 0; i < pairs; i++) {
      if (b[2 * i + zeroAt] == 0) {
        zeros++;
      }
    }
    return zeros * 2 > pairs;
  }

  private static String lineEndings(String text) {
    int crlf = 0;
    int lf = 0;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n') {
        if (i > 0 && text.charAt(i - 1) == '\r') {
          crlf++;
        } else {
          lf++;
        }
      }
    }
    return crlf == 0 ? "lf" : lf == 0 ? "crlf" : "mixed";
  }

  private void scanLines(ScannedFile f, String text) {
    String[] lines = text.split("\n", -1);
    Map<String, Integer> sectionFirstLine = new HashMap<>();
    Map<String, Integer> keyFirstLine = new HashMap<>();
    String sectionType = null;
    String sectionName = null;
    String sectionId = null;
    Map<String, RawValue> target = null;
    String lastKey = null;
    boolean lastValueEmpty = false;
    int count = text.endsWith("\n") ? lines.length - 1 : lines.length;
    for (int i = 0; i < count; i++) {
      int n = i + 1;
      String line = lines[i];
      if (line.endsWith("\r")) {
        // The file's line ending, recorded once as CRLF; a CR anywhere else stays in the value.
        line = line.substring(0, line.length() - 1);
      }
      String stripped = line.strip();
      if (stripped.isEmpty() || stripped.startsWith("#") || stripped.startsWith(";")) {
        continue;
      }
      boolean indented = line.charAt(0) == ' ' || line.charAt(0) == '\t';
      if (indented) {
        int eq = stripped.indexOf('=');
        String subKey = eq > 0 ? stripped.substring(0, eq).strip().toLowerCase(Locale.ROOT) : null;
        if (sectionId != null && lastKey != null && lastValueEmpty && subKey != null) {
          // A nested setting (s3 = / services sections): "parent.key".
          String key = lastKey + "." + subKey;
          String raw = afterSeparator(stripped.substring(eq + 1));
          property(f, n, sectionType, sectionName, key, raw, target);
          continue;
        }
        if (subKey != null && subKey.matches("[a-z0-9_]+")) {
          anomaly(f, n, line.charAt(0) == '\t' ? "TAB_INDENTED_KEY" : "SPACE_INDENTED_KEY", sectionName, subKey,
              "'" + subKey + "' is indented, so parsers read the line as the continuation of "
                  + (lastKey == null ? "nothing (an error)" : "'" + lastKey + "'") + ", not as a setting", null);
        }
        continue;
      }
      if (stripped.startsWith("[")) {
        int close = stripped.indexOf(']');
        if (close < 0) {
          anomaly(f, n, "UNTERMINATED_SECTION", null, null, "the section header has no closing ']'", null);
          sectionId = null;
          target = null;
          lastKey = null;
          continue;
        }
        String header = stripped.substring(1, close);
        String[] typed = sectionType(f, header, n);
        sectionType = typed[0];
        sectionName = typed[1];
        // A secret pasted as a profile name is shown by a descriptor wherever the name appears.
        descriptors.name(sectionName);
        sectionId = sectionType + "\u0000" + sectionName;
        // A duplicate is the same header twice, as configparser sees it ([profile default] beside [default] is not).
        Integer first = sectionFirstLine.putIfAbsent(header.strip(), n);
        if (first != null) {
          anomaly(f, n, "DUPLICATE_SECTION", sectionName, null,
              "[" + header + "] is defined again (first on line " + first + "); botocore refuses the file, the AWS SDK for Java merges both (later values win)", first);
        }
        f.sections.add(new ProfileSection(f.kind, f.displayPath, n, header, sectionType, sectionName));
        target = switch (sectionType) {
          case "profile" -> f.botocoreProfiles.computeIfAbsent(sectionName, k -> new LinkedHashMap<>());
          case "ignored" -> botocoreIgnoredTarget(f, header);
          default -> f.otherSections.computeIfAbsent(sectionType + " " + sectionName, k -> new LinkedHashMap<>());
        };
        lastKey = null;
        continue;
      }
      int eq = line.indexOf('=');
      if (eq < 0) {
        anomaly(f, n, "LINE_WITHOUT_EQUALS", sectionName, null, "a line that is neither a section, a setting nor a comment", null);
        continue;
      }
      String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
      String raw = afterSeparator(line.substring(eq + 1));
      if (sectionId == null) {
        anomaly(f, n, "PROPERTY_BEFORE_SECTION", null, key, "'" + key + "' comes before any [section] header", null);
        continue;
      }
      if (raw.contains(" #") || raw.contains(" ;") || raw.contains("\t#") || raw.contains("\t;")) {
        anomaly(f, n, "INLINE_COMMENT", sectionName, key,
            "a comment after the value: the AWS SDK for Java drops it, botocore keeps it as part of the value", null);
      }
      if (RUN_TOGETHER.matcher(raw).matches()) {
        anomaly(f, n, "MISSING_NEWLINE", sectionName, key, "another setting runs on in this value (a line break is missing)", null);
      }
      Integer first = keyFirstLine.putIfAbsent(sectionId + "\u0000" + key, n);
      if (first != null) {
        anomaly(f, n, "DUPLICATE_KEY", sectionName, key,
            "'" + key + "' is set again in [" + sectionName + "] (first on line " + first + "); clients disagree on which one wins", first);
      }
      property(f, n, sectionType, sectionName, key, raw, target);
      lastKey = key;
      lastValueEmpty = raw.strip().isEmpty();
    }
  }

  /**
   * The value as written, less the blanks that belong to the {@code key = value} separator: every parser drops
   * them, so they are syntax, not a stray character. Trailing blanks, quotes, CR and invisible characters stay.
   */
  static String afterSeparator(String text) {
    int i = 0;
    while (i < text.length() && (text.charAt(i) == ' ' || text.charAt(i) == '\t')) {
      i++;
    }
    return text.substring(i);
  }

  /** botocore reads a header literally: a credentials-file [profile x] is a profile named "profile x". */
  private static Map<String, RawValue> botocoreIgnoredTarget(ScannedFile f, String header) {
    if (f.kind.equals("credentials")) {
      return f.botocoreProfiles.computeIfAbsent(header.strip(), k -> new LinkedHashMap<>());
    }
    return new LinkedHashMap<>();
  }

  private void property(ScannedFile f, int n, String type, String section, String key, String raw, Map<String, RawValue> target) {
    ProfileProperty p = new ProfileProperty(f.kind, f.displayPath, n, type, section, key,
        descriptors.describe(raw, SettingKinds.ofProperty(key)));
    f.properties.add(p);
    if (target != null) {
      target.put(key, new RawValue(raw, n, p.origin()));
    }
  }

  /** {type, name} the AWS SDK for Java makes of a header; records the header mistakes. */
  private String[] sectionType(ScannedFile f, String header, int n) {
    String h = header.strip();
    if (f.kind.equals("credentials")) {
      if (h.startsWith("profile ") || h.startsWith("profile\t")) {
        String name = h.substring(8).strip();
        anomaly(f, n, "PROFILE_PREFIX_IN_CREDENTIALS", name, null,
            "[" + header + "] in the credentials file: that file takes bare names ([" + name + "]), so no client finds profile '" + name + "' here", null);
        return new String[] {"ignored", name};
      }
      return new String[] {JAVA_PROFILE_NAME.matcher(h).matches() ? "profile" : "ignored", h};
    }
    if (h.equals("default")) {
      return new String[] {"profile", "default"};
    }
    for (String type : new String[] {"profile", "sso-session", "services"}) {
      if (h.startsWith(type + " ") || h.startsWith(type + "\t")) {
        String name = h.substring(type.length()).strip();
        boolean valid = JAVA_PROFILE_NAME.matcher(name).matches();
        return new String[] {valid ? type : "ignored", name};
      }
    }
    anomaly(f, n, "BARE_SECTION_IN_CONFIG", h, null,
        "[" + header + "] in the config file is not a profile: the config file needs [profile " + h + "]", null);
    return new String[] {"ignored", h};
  }

  private static void anomaly(ScannedFile f, int line, String kind, String section, String key, String detail, Integer firstLine) {
    f.anomalies.add(new FileAnomaly(f.kind, f.displayPath, line, kind, section, key, detail, firstLine));
  }

  /** botocore (configparser) refuses the whole file on these; the AWS CLI then fails for every profile. */
  private static void botocoreVerdict(ScannedFile f) {
    for (FileAnomaly a : f.anomalies) {
      String why = switch (a.kind()) {
        case "BOM" -> "a byte order mark before the first section";
        case "UTF16" -> "the file is UTF-16";
        case "PROPERTY_BEFORE_SECTION" -> "a setting before any section on line " + a.line();
        case "LINE_WITHOUT_EQUALS" -> "a line without '=' on line " + a.line();
        case "DUPLICATE_SECTION" -> "section [" + a.section() + "] is defined twice (line " + a.line() + ")";
        case "DUPLICATE_KEY" -> "'" + a.key() + "' is set twice in [" + a.section() + "] (line " + a.line() + ")";
        case "UNTERMINATED_SECTION" -> "a section header without ']' on line " + a.line();
        default -> null;
      };
      if (why != null) {
        f.botocoreError = "botocore cannot parse " + f.displayPath + ": " + why;
        return;
      }
    }
  }
}
