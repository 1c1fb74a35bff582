package dev.tokendoctor.ticket;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Access key ids as people paste them: whole ({@code AKIAIOSFODNN7EXAMPLE}), shortened ({@code AKIA…WXYZ},
 * {@code AKIA...WXYZ}), masked with stars ({@code AKIA************WXYZ}, {@code ****************WXYZ}).
 */
final class KeyIds {
  static final String PREFIXES = "AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA";
  /** One key id in any of its pasted forms. */
  static final Pattern ANY = Pattern.compile(
      "(?<![A-Za-z0-9*])(?:(?<full>(?:" + PREFIXES + ")[A-Z0-9]{16})|(?<prefix>" + PREFIXES + ")?(?:…|\\.{2,3}|\\*{3,})(?<last4>[A-Z0-9]{4}))(?![A-Za-z0-9])");

  private KeyIds() {}

  /** A key id as it may be shown: the first and last four characters. */
  static String shorten(String keyId) {
    return keyId.length() <= 8 ? keyId : keyId.substring(0, 4) + "…" + keyId.substring(keyId.length() - 4);
  }

  /**
   * One pasted key id.
   *
   * @param prefix its first four characters, {@code null} when masked
   * @param last4 its last four characters
   * @param full the whole id, when the text shows it (never kept: only described)
   */
  record Pasted(String prefix, String last4, String full) {
    String shown() {
      return (prefix == null ? "" : prefix) + "…" + last4;
    }
  }

  /** The first key id in {@code text}, in whatever form, or {@code null}. */
  static Pasted find(String text) {
    Matcher m = ANY.matcher(text);
    if (!m.find()) {
      return null;
    }
    if (m.group("full") != null) {
      String f = m.group("full");
      return new Pasted(f.substring(0, 4), f.substring(16), f);
    }
    String prefix = m.group("prefix");
    return new Pasted(prefix == null ? null : prefix.toUpperCase(Locale.ROOT), m.group("last4"), null);
  }
}
