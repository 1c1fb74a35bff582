package dev.tokendoctor.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.collect.Collection.CachedCredentials;
import dev.tokendoctor.collect.ProfileViews.Setting;
import dev.tokendoctor.facts.CliCacheEntry;
import dev.tokendoctor.facts.SsoToken;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The caches the AWS CLI and SDKs keep: IAM Identity Center tokens ({@code ~/.aws/sso/cache}), role
 * credentials ({@code ~/.aws/cli/cache}) and {@code aws login} sessions ({@code ~/.aws/login/cache}). Every
 * secret in them is reduced to a descriptor; cache entries are matched to profiles by the CLI's own file names.
 */
final class CacheCollector {
  private static final long MAX_BYTES = 1L << 20;
  private static final int MAX_FILES = 500;
  private final ObjectMapper json = new ObjectMapper();

  void collect(Collection c) {
    ProfileViews views = new ProfileViews(c);
    ssoCache(c, views);
    cliCache(c, views);
    loginCache(c, views);
  }

  private void ssoCache(Collection c, ProfileViews views) {
    Path dir = c.machine.home().resolve(".aws/sso/cache");
    Map<String, String> sessionByHash = new LinkedHashMap<>();
    if (c.configFile != null) {
      for (String key : c.configFile.otherSections.keySet()) {
        if (key.startsWith("sso-session ")) {
          String name = key.substring("sso-session ".length());
          sessionByHash.put(Hashes.sha1(name), name);
        }
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path file : jsonFiles(dir, problems)) {
      JsonNode n = read(file, problems);
      if (n == null) {
        continue;
      }
      rememberSecrets(c, n, "accessToken", "refreshToken", "clientSecret", "clientId", "idToken");
      if (!n.hasNonNull("accessToken")) {
        continue; // a client registration, not a token
      }
      String hash = file.getFileName().toString().replaceFirst("\\.json$", "");
      c.ssoTokens.add(new SsoToken(c.machine.display(file), sessionByHash.get(hash), text(n, "startUrl"),
          text(n, "region"), Dates.parse(text(n, "expiresAt")), n.hasNonNull("refreshToken") && !n.get("refreshToken").asText().isBlank(),
          Dates.parse(text(n, "registrationExpiresAt"))));
    }
    c.ran("sso-cache", problems.isEmpty() ? "ok" : "partial",
        problems.isEmpty() ? (Files.isDirectory(dir) ? null : "no SSO cache folder") : String.join("; ", problems));
  }

  private void cliCache(Collection c, ProfileViews views) {
    Path dir = c.machine.home().resolve(".aws/cli/cache");
    Map<String, String> profileByHash = new TreeMap<>();
    for (String profile : views.allProfileNames()) {
      Map<String, Setting> p = views.botocoreMerged(profile);
      String roleHash = assumeRoleKey(p);
      if (roleHash != null) {
        profileByHash.putIfAbsent(roleHash, profile);
      }
      String ssoHash = ssoRoleKey(p);
      if (ssoHash != null) {
        profileByHash.putIfAbsent(ssoHash, profile);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path file : jsonFiles(dir, problems)) {
      JsonNode n = read(file, problems);
      if (n == null) {
        continue;
      }
      JsonNode creds = n.path("Credentials");
      if (!creds.isObject()) {
        continue;
      }
      String kind = "sso".equalsIgnoreCase(text(n, "ProviderType")) ? "sso" : "assume-role";
      String hash = file.getFileName().toString().replaceFirst("\\.json$", "");
      add(c, file, kind, text(creds, "AccessKeyId"), text(creds, "SecretAccessKey"), text(creds, "SessionToken"),
          text(creds, "Expiration"), text(creds, "AccountId"), profileByHash.get(hash));
    }
    c.ran("cli-cache", problems.isEmpty() ? "ok" : "partial",
        problems.isEmpty() ? (Files.isDirectory(dir) ? null : "no CLI cache folder") : String.join("; ", problems));
  }

  private void loginCache(Collection c, ProfileViews views) {
    String override = c.machine.envNonBlank("AWS_LOGIN_CACHE_DIRECTORY");
    Path dir = override != null ? c.machine.expand(override) : c.machine.home().resolve(".aws/login/cache");
    Map<String, String> profileByHash = new TreeMap<>();
    for (String profile : views.allProfileNames()) {
      Setting s = views.botocoreMerged(profile).get("login_session");
      if (s != null && !s.value().isEmpty()) {
        profileByHash.putIfAbsent(Hashes.sha256(s.value()), profile);
      }
    }
    List<String> problems = new ArrayList<>();
    for (Path file : jsonFiles(dir, problems)) {
      JsonNode n = read(file, problems);
      if (n == null) {
        continue;
      }
      rememberSecrets(c, n, "refreshToken", "dpopKey", "clientId", "idToken");
      JsonNode t = n.path("accessToken");
      if (!t.isObject()) {
        continue;
      }
      String hash = file.getFileName().toString().replaceFirst("\\.json$", "");
      add(c, file, "login", text(t, "accessKeyId"), text(t, "secretAccessKey"), text(t, "sessionToken"),
          text(t, "expiresAt"), text(t, "accountId"), profileByHash.get(hash));
    }
    c.ran("login-cache", problems.isEmpty() ? "ok" : "partial",
        problems.isEmpty() ? (Files.isDirectory(dir) ? null : "no aws login cache folder") : String.join("; ", problems));
  }

  private static void add(Collection c, Path file, String kind, String keyId, String secret, String token,
      String expiration, String account, String profile) {
    c.secrets.remember(secret);
    c.secrets.remember(token);
    Instant modified = null;
    try {
      modified = Files.getLastModifiedTime(file).toInstant();
    } catch (IOException ignored) {
      // the time is only a hint
    }
    String display = c.machine.display(file);
    CliCacheEntry fact = new CliCacheEntry(display, kind, c.descriptors.keyId(keyId), Dates.parse(expiration),
        account, profile, modified);
    c.cached.add(new CachedCredentials(fact, new Material(keyId, secret, token), expiration));
  }

  /** botocore's AssumeRoleCredentialFetcher cache key: sha1 of the sorted AssumeRole arguments (no session name). */
  static String assumeRoleKey(Map<String, Setting> p) {
    Setting role = p.get("role_arn");
    if (role == null || role.value().isEmpty()) {
      return null;
    }
    Map<String, Object> args = new TreeMap<>();
    args.put("RoleArn", role.value());
    if (p.containsKey("external_id")) {
      args.put("ExternalId", p.get("external_id").value());
    }
    if (p.containsKey("mfa_serial")) {
      args.put("SerialNumber", p.get("mfa_serial").value());
    }
    if (p.containsKey("duration_seconds")) {
      try {
        args.put("DurationSeconds", Integer.parseInt(p.get("duration_seconds").value()));
      } catch (NumberFormatException e) {
        args.put("DurationSeconds", p.get("duration_seconds").value());
      }
    }
    return fileSafe(Hashes.sha1(pythonJson(args, ", ", ": ")));
  }

  /** botocore's SSOCredentialFetcher cache key: sha1 of {accountId, roleName, sessionName|startUrl}. */
  static String ssoRoleKey(Map<String, Setting> p) {
    Setting account = p.get("sso_account_id");
    Setting role = p.get("sso_role_name");
    if (account == null || role == null) {
      return null;
    }
    Map<String, Object> args = new TreeMap<>();
    args.put("accountId", account.value());
    args.put("roleName", role.value());
    if (p.containsKey("sso_session")) {
      args.put("sessionName", p.get("sso_session").value());
    } else if (p.containsKey("sso_start_url")) {
      args.put("startUrl", p.get("sso_start_url").value());
    } else {
      return null;
    }
    return fileSafe(Hashes.sha1(pythonJson(args, ",", ":")));
  }

  /** json.dumps(args, sort_keys=True) with the given separators, for flat string/number maps. */
  private static String pythonJson(Map<String, Object> sorted, String itemSep, String keySep) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (var e : sorted.entrySet()) {
      if (!first) {
        sb.append(itemSep);
      }
      first = false;
      sb.append(quote(e.getKey())).append(keySep);
      sb.append(e.getValue() instanceof Number ? e.getValue().toString() : quote(e.getValue().toString()));
    }
    return sb.append('}').toString();
  }

  private static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char ch : s.toCharArray()) {
      if (ch == '"' || ch == '\\') {
        sb.append('\\').append(ch);
      } else if (ch < 0x20 || ch > 0x7e) {
        sb.append(String.format("\\u%04x", (int) ch));
      } else {
        sb.append(ch);
      }
    }
    return sb.append('"').toString();
  }

  private static String fileSafe(String s) {
    return s.replace(':', '_').replace('/', '_');
  }

  private List<Path> jsonFiles(Path dir, List<String> problems) {
    List<Path> out = new ArrayList<>();
    if (!Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
      for (Path p : ds) {
        if (out.size() >= MAX_FILES) {
          problems.add("more than " + MAX_FILES + " files in " + dir.getFileName() + "; the rest were not read");
          break;
        }
        out.add(p);
      }
    } catch (IOException e) {
      problems.add("cannot list " + dir + ": " + e.getMessage());
    }
    out.sort(null);
    return out;
  }

  private JsonNode read(Path file, List<String> problems) {
    try {
      if (Files.size(file) > MAX_BYTES) {
        problems.add(file.getFileName() + " is too large to be a cache file; not read");
        return null;
      }
      JsonNode n = json.readTree(Files.readAllBytes(file));
      return n != null && n.isObject() ? n : null;
    } catch (IOException e) {
      // Jackson's message may quote the file's content: name only the file.
      problems.add(file.getFileName() + " is not valid JSON");
      return null;
    }
  }

  private static void rememberSecrets(Collection c, JsonNode n, String... fields) {
    for (String f : fields) {
      if (n.hasNonNull(f)) {
        c.secrets.remember(n.get(f).isTextual() ? n.get(f).asText() : n.get(f).toString());
      }
    }
  }

  static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.isTextual() ? v.asText() : v.toString();
  }
}
