package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.collect.Collection.CachedCredentials;
import dev.tokendoctor.facts.CredentialExpiry;
import dev.tokendoctor.facts.CredentialProcessResult;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ResolvedCredentials;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Every expiry time a tool wrote down (environment variables, third-party fields in the shared files, the CLI
 * and {@code aws login} caches, credential_process output), read leniently to UTC and tied to the credentials
 * it belongs to.
 */
final class ExpiryCollector {
  static final List<String> ENV_FIELDS = List.of(
      "AWS_CREDENTIAL_EXPIRATION", "AWS_SESSION_EXPIRATION", "AWS_SSO_SESSION_EXPIRATION", "AWSUME_EXPIRATION",
      "AWS_SECURITY_TOKEN_EXPIRES", "AWS_TOKEN_EXPIRATION");
  static final Set<String> FILE_FIELDS = Set.of(
      "x_security_token_expires", "aws_expiration", "aws_credential_expiration", "aws_session_expiration",
      "expiration", "aws_session_token_expiration", "aws_token_expiration");

  void collect(Collection c) {
    ResolvedCredentials eff = c.effective();
    List<String> unreadable = new ArrayList<>();
    for (String name : ENV_FIELDS) {
      String raw = c.machine.env(name);
      if (raw == null || raw.isBlank()) {
        continue;
      }
      add(c, Origin.env(name), name, "environment", eff != null && eff.fromEnvironment(), raw, unreadable);
    }
    for (ScannedFile f : c.files()) {
      for (ProfileProperty p : f.properties) {
        if (!p.inProfile() || !FILE_FIELDS.contains(p.key())) {
          continue;
        }
        boolean forEff = eff != null && p.section().equals(eff.profile())
            && ("profile-static".equals(eff.provider()) || "profile-session".equals(eff.provider()))
            && eff.keyIdOrigin() != null && eff.keyIdOrigin().inSharedFile() && f.displayPath.equals(eff.keyIdOrigin().file());
        String raw = f.botocoreProfiles.getOrDefault(p.section(), java.util.Map.of()).containsKey(p.key())
            ? f.botocoreProfiles.get(p.section()).get(p.key()).raw() : p.value().shown();
        add(c, p.origin(), p.key(), p.section(), forEff, raw, unreadable);
      }
    }
    for (CachedCredentials cc : c.cached) {
      if (cc.rawExpiration() == null) {
        continue;
      }
      String field = cc.fact().kind().equals("login") ? "accessToken.expiresAt" : "Credentials.Expiration";
      boolean forEff = eff != null && eff.keyIdOrigin() != null && cc.fact().cacheFile().equals(eff.keyIdOrigin().cacheFile());
      add(c, Origin.cache(cc.fact().cacheFile(), field), field, cc.fact().cacheFile(), forEff, cc.rawExpiration(), unreadable);
    }
    for (CredentialProcessResult p : c.processes) {
      String raw = c.processExpirations.get(p.profile());
      if (raw == null) {
        continue;
      }
      boolean forEff = eff != null && "profile-process".equals(eff.provider()) && p.profile().equals(eff.profile());
      add(c, p.origin().processOutput("Expiration"), "Expiration", p.profile(), forEff, raw, unreadable);
    }
    c.ran("expiry", unreadable.isEmpty() ? "ok" : "partial",
        unreadable.isEmpty() ? null : "could not read these as times: " + String.join(", ", unreadable));
  }

  private static void add(Collection c, Origin origin, String field, String appliesTo, boolean forEffective, String raw,
      List<String> unreadable) {
    Instant at = Dates.parse(raw);
    if (at == null) {
      unreadable.add(origin.toString());
      return;
    }
    c.expiries.add(new CredentialExpiry(origin, field, appliesTo, forEffective, at, raw.strip()));
  }
}
