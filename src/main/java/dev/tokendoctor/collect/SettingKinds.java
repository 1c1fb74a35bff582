package dev.tokendoctor.collect;

import dev.tokendoctor.collect.Descriptors.Kind;
import dev.tokendoctor.facts.CredentialNames;
import java.util.Locale;

/**
 * Which settings hold secrets, decided by name, defaulting to secret for anything that sounds like one. A near
 * miss of a credential's name ({@code aws_secert_access_key}) holds what its author meant: a secret. This is the
 * least that is hidden; {@link Descriptors} also hides any value shaped like a credential, whatever its name.
 */
final class SettingKinds {
  private SettingKinds() {}

  /** A shared-file property name. */
  static Kind ofProperty(String key) {
    String k = key.toLowerCase(Locale.ROOT);
    if (k.equals("aws_access_key_id") || k.endsWith("access_key_id")) {
      return Kind.KEY_ID;
    }
    if (CredentialNames.meantKey(k) != null) {
      return CredentialNames.keyId(k) ? Kind.KEY_ID : Kind.SECRET;
    }
    if (k.equals("source_profile") || k.equals("sso_session") || k.equals("services")) {
      return Kind.NAME;
    }
    if (k.endsWith("_file") || k.endsWith("_arn") || k.endsWith("_expires") || k.endsWith("expiration")
        || k.endsWith("_url") || k.endsWith("_region")) {
      return Kind.PLAIN;
    }
    // credential_process: its arguments may carry secrets (a vault password, a token); only the program is shown.
    if (k.contains("secret") || k.contains("token") || k.contains("password") || k.contains("passwd")
        || k.contains("private") || k.contains("credential_process") || k.contains("auth")) {
      return Kind.SECRET;
    }
    return Kind.PLAIN;
  }

  /** An environment variable name. */
  static Kind ofEnv(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.equals("AWS_ACCESS_KEY_ID") || n.endsWith("ACCESS_KEY_ID")) {
      return Kind.KEY_ID;
    }
    if (CredentialNames.meantVariable(name) != null) {
      return CredentialNames.keyId(name) ? Kind.KEY_ID : Kind.SECRET;
    }
    if (n.equals("AWS_PROFILE") || n.equals("AWS_DEFAULT_PROFILE")) {
      return Kind.NAME;
    }
    if (n.endsWith("_FILE") || n.endsWith("_EXPIRATION") || n.endsWith("_EXPIRES") || n.endsWith("_ARN")
        || n.endsWith("_URI") && !n.contains("TOKEN")) {
      return Kind.PLAIN;
    }
    if (n.contains("SECRET") || n.contains("TOKEN") || n.contains("PASSWORD") || n.contains("AUTHORIZATION")
        || n.contains("PRIVATE") || n.contains("CREDENTIAL_PROCESS") || n.contains("SESSION_KEY")) {
      return Kind.SECRET;
    }
    return Kind.PLAIN;
  }
}
