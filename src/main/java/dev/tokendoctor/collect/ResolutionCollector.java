package dev.tokendoctor.collect;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.collect.Collection.CachedCredentials;
import dev.tokendoctor.collect.ProfileViews.Setting;
import dev.tokendoctor.facts.CredentialProcessResult;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.ProfileSelection;
import dev.tokendoctor.facts.ValueDescriptor;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * Which credentials each client would sign with, walking its own provider chain over the facts already
 * collected: the AWS SDK for Java v2 ({@code DefaultCredentialsProvider}), botocore and the AWS CLI v2. The
 * chains differ where tickets show they matter: profile variable precedence, {@code --profile} skipping the
 * environment keys (botocore/CLI), {@code AWS_SECURITY_TOKEN} (botocore only), which file static keys may come
 * from, and how values are trimmed. SSO and assume-role are not performed; their cached results are used.
 */
final class ResolutionCollector {
  private Collection c;
  private ProfileViews views;
  private Boolean imds;
  private boolean imdsAsked;
  /** Walks botocore's chain as if the environment held no keys (for {@link #overridden}). */
  private boolean skipEnvironment;

  void collect(Collection c) {
    this.c = c;
    this.views = new ProfileViews(c);
    c.effectiveClient = Clients.effective(c.request.clientTool(), c.request.clientVersion());
    for (String client : Clients.ALL) {
      Selection sel = Selection.of(client, c.request, c.machine);
      Resolution r = client.equals(Clients.JAVA) ? java(sel) : botocore(sel);
      boolean effective = client.equals(c.effectiveClient);
      c.credentials.add(r.fact(client, effective));
      if (r.material != null && r.material.usable()) {
        c.material.put(client, r.material);
      }
      if (effective) {
        c.selection = selection(sel);
        if ("environment".equals(r.provider)) {
          c.overridden = overridden(client, sel);
        }
      }
    }
    new RegionsAndEndpoints(c, views).collect();
    c.ran("resolution", "ok", null);
  }

  /**
   * What the selected profile itself would give the client, were the environment keys not set: the STS probe
   * tries it once, to tell whether the override is what breaks the call. {@code null} when the profile gives no
   * usable credentials without signing in.
   */
  private Collection.Overridden overridden(String client, Selection sel) {
    Resolution own;
    if (client.equals(Clients.JAVA)) {
      if (c.javaProfilesError != null || views.javaProfile(sel.name()) == null) {
        return null;
      }
      own = profile(sel, key -> views.java(sel.name(), key), "the AWS SDK for Java", new ArrayList<>());
    } else {
      skipEnvironment = true;
      try {
        own = botocore(sel);
      } finally {
        skipEnvironment = false;
      }
    }
    if (own == null || !own.found || own.material == null || !own.material.usable() || own.profile == null) {
      return null;
    }
    return new Collection.Overridden(own.profile, own.provider, own.material);
  }

  // ---------------------------------------------------------------- AWS SDK for Java v2

  private Resolution java(Selection sel) {
    List<String> passed = new ArrayList<>();
    String ak = c.machine.env("AWS_ACCESS_KEY_ID");
    String sk = c.machine.env("AWS_SECRET_ACCESS_KEY");
    if (notBlank(ak) && notBlank(sk)) {
      String tok = c.machine.env("AWS_SESSION_TOKEN");
      Resolution r = Resolution.found("environment", null,
          "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY are set, and the environment comes before any profile"
              + (sel.explicit() ? " (even with profile '" + sel.name() + "' selected by " + sel.source() + ")" : ""))
          .key(Origin.env("AWS_ACCESS_KEY_ID"), env("AWS_ACCESS_KEY_ID"))
          .secret(Origin.env("AWS_SECRET_ACCESS_KEY"), env("AWS_SECRET_ACCESS_KEY"))
          .material(new Material(ak.strip(), sk.strip(), tok == null ? null : tok.strip()));
      if (tok != null) {
        r.token(Origin.env("AWS_SESSION_TOKEN"), env("AWS_SESSION_TOKEN"));
      }
      return r;
    }
    if (notBlank(ak) || notBlank(sk)) {
      passed.add("only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set, so the environment gives nothing");
    }
    if (notBlank(c.machine.env("AWS_WEB_IDENTITY_TOKEN_FILE")) && notBlank(c.machine.env("AWS_ROLE_ARN"))) {
      return Resolution.found("web-identity", null,
          "AWS_WEB_IDENTITY_TOKEN_FILE and AWS_ROLE_ARN are set (the role is assumed with that token file)");
    }
    if (c.javaProfilesError != null) {
      passed.add(c.javaProfilesError);
    } else if (views.javaProfile(sel.name()) == null) {
      passed.add("profile '" + sel.name() + "' (" + sel.source() + ") is in neither shared file as the AWS SDK for Java reads them");
    } else {
      Resolution r = profile(sel, key -> views.java(sel.name(), key), "the AWS SDK for Java", passed);
      if (r != null) {
        return r;
      }
    }
    Resolution last = containerOrImds(passed);
    if (last != null) {
      return last;
    }
    return Resolution.notFound("Unable to load credentials from any of the providers in the chain: " + String.join("; ", passed));
  }

  // ---------------------------------------------------------------- botocore and the AWS CLI v2

  private Resolution botocore(Selection sel) {
    if (!views.botocoreUsable()) {
      return Resolution.notFound(views.botocoreError());
    }
    List<String> passed = new ArrayList<>();
    if (c.request.profile() == null && !skipEnvironment) {
      String ak = c.machine.env("AWS_ACCESS_KEY_ID");
      if (ak != null && !ak.isEmpty()) {
        String sk = c.machine.env("AWS_SECRET_ACCESS_KEY");
        if (sk == null || sk.isEmpty()) {
          return Resolution.notFound("Partial credentials found in env, missing: AWS_SECRET_ACCESS_KEY");
        }
        String tokenVar = firstSet("AWS_SECURITY_TOKEN", "AWS_SESSION_TOKEN");
        Resolution r = Resolution.found("environment", null,
            "AWS_ACCESS_KEY_ID is set, and the environment comes first unless --profile is given"
                + (sel.explicit() ? " (" + sel.source() + " does not change that)" : ""))
            .key(Origin.env("AWS_ACCESS_KEY_ID"), env("AWS_ACCESS_KEY_ID"))
            .secret(Origin.env("AWS_SECRET_ACCESS_KEY"), env("AWS_SECRET_ACCESS_KEY"))
            .material(new Material(ak, sk, tokenVar == null ? null : c.machine.env(tokenVar)));
        if (tokenVar != null) {
          r.token(Origin.env(tokenVar), env(tokenVar));
        } else if (c.machine.env("AWS_SESSION_TOKEN") != null) {
          r.token(Origin.env("AWS_SESSION_TOKEN"), env("AWS_SESSION_TOKEN"));
        }
        return r;
      }
    } else {
      passed.add("the environment keys are skipped because --profile was given");
    }
    if (sel.explicit() && !views.botocoreDefines(sel.name())) {
      return Resolution.notFound("The config profile (" + sel.name() + ") could not be found (selected by " + sel.source() + ")");
    }
    Map<String, Setting> merged = views.botocoreMerged(sel.name());
    Map<String, Setting> credFile = views.botocoreFile("credentials", sel.name());
    Map<String, Setting> configFile = views.botocoreFile("config", sel.name());
    String name = sel.name();
    if (has(merged, "role_arn") && !has(merged, "web_identity_token_file")) {
      return cachedRole(Resolution.found("profile-assume-role", name,
          "profile '" + name + "' has role_arn (" + merged.get("role_arn").origin() + "); assume-role comes before static keys"), name, "assume-role");
    }
    if (has(merged, "role_arn") || (notBlank(c.machine.env("AWS_WEB_IDENTITY_TOKEN_FILE")) && notBlank(c.machine.env("AWS_ROLE_ARN")))) {
      return Resolution.found("web-identity", name, "a web identity token file and a role are configured");
    }
    if (isSso(merged)) {
      return cachedRole(Resolution.found("profile-sso", name,
          "profile '" + name + "' has IAM Identity Center settings (" + ssoOrigin(merged) + ")"), name, "sso");
    }
    Resolution fromCredFile = staticKeys(credFile, name, "the credentials file");
    if (fromCredFile != null) {
      return fromCredFile;
    }
    if (has(merged, "login_session")) {
      return cachedRole(Resolution.found("login", name, "profile '" + name + "' has login_session"), name, "login");
    }
    if (has(merged, "credential_process")) {
      return process(name, merged.get("credential_process"));
    }
    Resolution fromConfig = staticKeys(configFile, name, "the config file");
    if (fromConfig != null) {
      return fromConfig;
    }
    if (!merged.isEmpty()) {
      passed.add("profile '" + name + "' has no credentials");
    } else if (!sel.explicit()) {
      passed.add("there is no default profile");
    }
    Resolution last = containerOrImds(passed);
    if (last != null) {
      return last;
    }
    return Resolution.notFound("Unable to locate credentials: " + String.join("; ", passed));
  }

  /** Static keys from one file, botocore's way: the key needs its secret, the token comes from the same file. */
  private Resolution staticKeys(Map<String, Setting> file, String name, String where) {
    Setting ak = file.get("aws_access_key_id");
    if (ak == null) {
      return null;
    }
    Setting sk = file.get("aws_secret_access_key");
    if (sk == null) {
      return Resolution.notFound("Partial credentials found in " + where.replace("the ", "") + ", missing: aws_secret_access_key ("
          + ak.origin() + " has the key id)");
    }
    Setting tok = file.containsKey("aws_security_token") ? file.get("aws_security_token") : file.get("aws_session_token");
    return keysFromProfile(tok != null && !tok.value().isEmpty() ? "profile-session" : "profile-static", name,
        "profile '" + name + "' has static keys in " + where, ak, sk, tok);
  }

  /** Keys read from a profile; the token, when there is one, even empty, is what the client sends. */
  private static Resolution keysFromProfile(String provider, String profile, String why, Setting ak, Setting sk, Setting tok) {
    Resolution r = Resolution.found(provider, profile, why)
        .key(ak.origin(), ak.descriptor())
        .secret(sk.origin(), sk.descriptor())
        .material(new Material(ak.value(), sk.value(), tok == null ? null : tok.value()));
    if (tok != null) {
      r.token(tok.origin(), tok.descriptor());
    }
    return r;
  }

  // ---------------------------------------------------------------- profile providers (the Java SDK's order)

  /** The Java SDK's order inside one profile; {@code null} when the profile gives nothing. */
  private Resolution profile(Selection sel, Function<String, Setting> s, String who, List<String> passed) {
    String name = sel.name();
    if (s.apply("role_arn") != null && s.apply("web_identity_token_file") != null) {
      return Resolution.found("web-identity", name, "profile '" + name + "' has role_arn and web_identity_token_file");
    }
    Setting sso = first(s, "sso_session", "sso_start_url", "sso_account_id", "sso_role_name");
    if (sso != null) {
      return cachedRole(Resolution.found("profile-sso", name,
          "profile '" + name + "' has IAM Identity Center settings (" + sso.origin() + ")"), name, "sso");
    }
    if (s.apply("role_arn") != null) {
      return cachedRole(Resolution.found("profile-assume-role", name,
          "profile '" + name + "' has role_arn (" + s.apply("role_arn").origin() + ")"), name, "assume-role");
    }
    if (s.apply("login_session") != null) {
      return cachedRole(Resolution.found("login", name, "profile '" + name + "' has login_session"), name, "login");
    }
    if (s.apply("credential_process") != null) {
      return process(name, s.apply("credential_process"));
    }
    Setting ak = s.apply("aws_access_key_id");
    if (ak != null) {
      Setting sk = s.apply("aws_secret_access_key");
      if (sk == null) {
        passed.add("profile '" + name + "' has aws_access_key_id (" + ak.origin() + ") but no aws_secret_access_key");
        return null;
      }
      Setting tok = s.apply("aws_session_token");
      return keysFromProfile(tok != null ? "profile-session" : "profile-static", name,
          "profile '" + name + "' (" + sel.source() + ") has static keys, read by " + who, ak, sk, tok);
    }
    passed.add("profile '" + name + "' has no credentials");
    return null;
  }

  /** Role, SSO and login credentials are not fetched: the cache the CLI keeps for the profile is used, when valid. */
  private Resolution cachedRole(Resolution r, String profile, String kind) {
    for (CachedCredentials cc : c.cached) {
      if (profile.equals(cc.fact().profile()) && kind.equals(cc.fact().kind())) {
        r.key(Origin.cache(cc.fact().cacheFile(), "AccessKeyId"), cc.fact().keyId());
        r.secret(Origin.cache(cc.fact().cacheFile(), "SecretAccessKey"), c.descriptors.secret(cc.material().secret));
        if (cc.material().token != null) {
          r.token(Origin.cache(cc.fact().cacheFile(), "SessionToken"), c.descriptors.secret(cc.material().token));
        }
        if (cc.validAt(c.startedAt)) {
          r.material(cc.material());
        } else {
          r.reason += "; the cached credentials in " + cc.fact().cacheFile() + " have expired (a client refreshes them)";
        }
        return r;
      }
    }
    r.reason += "; no cached credentials for it (tokendoctor does not sign in or assume roles itself)";
    return r;
  }

  private Resolution process(String profile, Setting setting) {
    Resolution r = Resolution.found("profile-process", profile,
        "profile '" + profile + "' has credential_process (" + setting.origin() + ")");
    CredentialProcessResult result = c.processes.stream().filter(p -> p.profile().equals(profile)).findFirst().orElse(null);
    Material m = c.processMaterial.get(profile);
    if (result != null && result.keyId() != null) {
      r.key(setting.origin().processOutput("AccessKeyId"), result.keyId());
    }
    if (m != null) {
      r.secret(setting.origin().processOutput("SecretAccessKey"), c.descriptors.secret(m.secret));
      if (m.token != null) {
        r.token(setting.origin().processOutput("SessionToken"), c.descriptors.secret(m.token));
      }
      r.material(m);
    }
    if (result != null && !result.succeeded()) {
      r.found = false;
      r.error = "credential_process did not give credentials" + (result.timedOut() ? " (stopped after the time limit)"
          : result.exitCode() != null && result.exitCode() != 0 ? " (exit code " + result.exitCode() + ")" : " (its output is not valid)");
    }
    return r;
  }

  /** The last two providers of every chain: container credentials, then the EC2 instance metadata service. */
  private Resolution containerOrImds(List<String> passed) {
    Resolution container = container();
    if (container != null) {
      return container;
    }
    if (!imdsAsked) {
      imds = Imds.answers(c);
      imdsAsked = true;
    }
    if (Boolean.TRUE.equals(imds)) {
      return Resolution.found("imds", null, "no other provider had credentials and the EC2 instance metadata service answers "
          + "(an instance role; its credentials were not fetched)");
    }
    passed.add(imds == null ? "the EC2 instance metadata service was not queried" : "the EC2 instance metadata service does not answer");
    return null;
  }

  private Resolution container() {
    for (String var : new String[] {"AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI"}) {
      if (notBlank(c.machine.env(var))) {
        return Resolution.found("container", null, var + " is set (container credentials endpoint; not queried)");
      }
    }
    return null;
  }

  // ---------------------------------------------------------------- selection fact

  private ProfileSelection selection(Selection sel) {
    ScannedFile cf = c.credentialsFile;
    ScannedFile kf = c.configFile;
    Boolean inCred = cf == null ? null : !cf.exists ? Boolean.FALSE : cf.usable() ? cf.definesProfile(sel.name()) : null;
    Boolean inConfig = kf == null ? null : !kf.exists ? Boolean.FALSE : kf.usable() ? kf.definesProfile(sel.name()) : null;
    return new ProfileSelection(sel.name(), sel.source(), inCred, inConfig, similar(sel.name()));
  }

  private List<String> similar(String name) {
    Set<String> candidates = new LinkedHashSet<>(views.allProfileNames());
    for (ScannedFile f : c.files()) {
      f.sections.stream().filter(s -> s.ignored() || s.sectionType().equals("profile")).forEach(s -> candidates.add(s.name()));
    }
    List<String> out = new ArrayList<>();
    String n = norm(name);
    for (String cand : candidates) {
      if (cand.equals(name)) {
        continue;
      }
      String k = norm(cand);
      boolean close = k.equals(n) || (n.length() >= 3 && k.length() >= 3 && (k.startsWith(n) || n.startsWith(k)
          || k.endsWith(n) || n.endsWith(k))) || (n.length() >= 4 && LevenshteinDistance.getDefaultInstance().apply(k, n) <= 2);
      if (close) {
        out.add(cand);
      }
    }
    return out;
  }

  private static String norm(String s) {
    return s.strip().toLowerCase(Locale.ROOT).replace('_', '-').replace(' ', '-');
  }

  // ---------------------------------------------------------------- helpers

  private ValueDescriptor env(String name) {
    return c.environment.stream().filter(e -> e.name().equals(name)).map(EnvVar::value).findFirst().orElse(null);
  }

  private String firstSet(String... vars) {
    for (String v : vars) {
      String value = c.machine.env(v);
      if (value != null && !value.isEmpty()) {
        return v;
      }
    }
    return null;
  }

  private static boolean has(Map<String, Setting> m, String key) {
    return m.containsKey(key) && !m.get(key).value().isEmpty();
  }

  private static boolean isSso(Map<String, Setting> m) {
    return has(m, "sso_session") || has(m, "sso_start_url") || has(m, "sso_account_id") || has(m, "sso_role_name");
  }

  private static Origin ssoOrigin(Map<String, Setting> m) {
    for (String k : new String[] {"sso_session", "sso_start_url", "sso_account_id", "sso_role_name"}) {
      if (has(m, k)) {
        return m.get(k).origin();
      }
    }
    return Origin.other("");
  }

  private static Setting first(Function<String, Setting> s, String... keys) {
    for (String k : keys) {
      Setting v = s.apply(k);
      if (v != null) {
        return v;
      }
    }
    return null;
  }

  static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
