package dev.tokendoctor.ticket;

import java.util.regex.Pattern;

/** Profile and section names are shown only when they look like names, never when a secret was pasted as one. */
final class PastedNames {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.@+\\-/: ]{1,64}");

  private PastedNames() {}

  static boolean looksLikeName(String s) {
    return s != null && NAME.matcher(s).matches() && !PastedSecrets.secretShaped(s) && !s.matches("(?:" + KeyIds.PREFIXES + ")[A-Z0-9]{12,}");
  }
}
