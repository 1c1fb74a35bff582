package dev.tokendoctor.ticket;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs secrets out of pasted text before any of it is kept: by the name they are given (secret keys,
 * session and SSO tokens, passwords, also misspelled: {@code AWS_SECERT_ACCESS_KEY}, {@code aws_session_toke})
 * and by their shape whatever the name (40-character secret keys, long tokens, {@code IQoJ}/{@code FwoG}/
 * {@code FQoD} session tokens, JWTs, request signatures, {@code X-Amz-Security-Token}, URL passwords, private
 * keys). Access key ids are shortened to {@code AKIA…WXYZ}. Over-redacting a harmless value is accepted; missing
 * a secret is not.
 */
public final class PastedSecrets {
  /** What a scrubbed value is replaced with. */
  public static final String MARK = "(redacted)";

  /** Setting names that carry a secret, misspellings included: secret, secert, sercet, token, toke, password... */
  // Bounded, and anchored where a name starts (below): a ticket is untrusted text, and an unbounded name part tried
  // at every position of a long word made scrubbing quadratic (300 ms for a 4 KiB line; BatchProcessIT hung).
  private static final String SECRET_NAME =
      "[A-Za-z0-9_.\\-]{0,48}(?:[Ss][Ee][Cc][Rr]?[Ee]?[Tt]|[Ss][Ee][Rr][Cc][Ee][Tt]|[Ss][Ee][Cc][Ee][Rr][Tt]|[Tt][Oo][Kk][Ee][Nn]?"
          + "|[Pp][Aa][Ss][Ss](?:[Ww][Oo]?[Rr]?[Dd])?|[Pp][Ww][Dd])[A-Za-z0-9_.\\-]{0,48}";
  /** Names that contain "token" or "secret" but hold no secret: AWS error codes, file paths, URLs, ARNs, durations. */
  private static final Pattern NOT_SECRET_NAME = Pattern.compile(
      "(?i).*(?:invalid|missing|expire|exception|error|duration|tokendoctor|passthrough).*|.*(?:_file|_url|_path|_arn|arn|id|_type)");
  private static final Pattern NAMED_QUOTED = Pattern.compile(
      "(?<name>(?<![A-Za-z0-9_.\\-])[\"']?(?<key>" + SECRET_NAME + ")[\"']?[ \\t]*[:=][ \\t]*)(?<q>[\"'])(?<value>[^\"'\\r\\n]+)\\k<q>");
  private static final Pattern NAMED = Pattern.compile(
      "(?<name>\\b(?<key>" + SECRET_NAME + ")[\"']?[ \\t]*[:=][ \\t]*)(?<value>[^\\s\"',;&<>)}\\]]+)");
  private static final Pattern XML_ELEMENT = Pattern.compile(
      "(?i)(<(SecretAccessKey|SessionToken|SecurityToken|AccessToken|RefreshToken|ClientSecret|Password)>)[^<]*(</)");
  private static final Pattern AUTH_BEARER = Pattern.compile("(?i)(\\b(?:Bearer|Basic)\\s+)[A-Za-z0-9._~+/=\\-]{8,}");
  private static final Pattern SIGNATURE = Pattern.compile("(?i)((?:X-Amz-)?Signature=)[0-9A-Za-z%+/=]{8,}");
  private static final Pattern URL_USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.\\-]{0,31}://)[^/\\s@:]*:[^/\\s@]*@");
  private static final Pattern PRIVATE_KEY = Pattern.compile(
      "-----BEGIN [A-Z ]*PRIVATE KEY-----[\\s\\S]*?(?:-----END [A-Z ]*PRIVATE KEY-----|\\z)");
  private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]{8,}\\.[A-Za-z0-9_\\-]*");
  private static final Pattern TOKEN_PREFIXED = Pattern.compile("(?:IQoJ|FwoG|FQoD|aoa[A-Z])[A-Za-z0-9/+=%_\\-]{16,}");
  private static final Pattern LONG_BASE64 = Pattern.compile("[A-Za-z0-9/+%_\\-]{60,}={0,2}");
  private static final Pattern SECRET_KEY = Pattern.compile("(?<![A-Za-z0-9/+])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])");
  private static final Pattern KEY_ID = Pattern.compile("\\b((?:AKIA|ASIA|AIDA|AROA|AGPA|ANPA|ANVA|AIPA|APKA|ABIA|ACCA)[A-Z0-9]{12,})\\b");

  private PastedSecrets() {}

  /** The text with every secret replaced by {@value #MARK} and key ids shortened; {@code null} stays null. */
  public static String scrub(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = PRIVATE_KEY.matcher(text).replaceAll(MARK);
    out = URL_USERINFO.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK) + "@");
    out = SIGNATURE.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
    out = XML_ELEMENT.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK) + "$3");
    out = AUTH_BEARER.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MARK));
    // Groups: 1 the name and separator, 2 the name, then (quoted) 3 the quote and 4 the value, or 3 the value.
    out = NAMED_QUOTED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(NOT_SECRET_NAME.matcher(m.group(2)).matches()
        ? m.group() : m.group(1) + m.group(3) + MARK + m.group(3)));
    out = NAMED.matcher(out).replaceAll(m -> Matcher.quoteReplacement(NOT_SECRET_NAME.matcher(m.group(2)).matches()
        || m.group(3).startsWith("(redacted") ? m.group() : m.group(1) + MARK));
    out = JWT.matcher(out).replaceAll(MARK);
    out = TOKEN_PREFIXED.matcher(out).replaceAll(MARK);
    out = LONG_BASE64.matcher(out).replaceAll(m -> m.group().contains("redacted") || !mixed(m.group()) ? m.group() : MARK);
    out = SECRET_KEY.matcher(out).replaceAll(m -> looksLikeWord(m.group()) ? m.group() : MARK);
    out = KEY_ID.matcher(out).replaceAll(m -> Matcher.quoteReplacement(KeyIds.shorten(m.group(1))));
    return out;
  }

  /** The value, alone, has the shape of a secret key, a session or SSO token, or a signature. */
  public static boolean secretShaped(String value) {
    if (value == null) {
      return false;
    }
    String v = value.strip();
    if (v.length() >= 2 && (v.charAt(0) == '"' || v.charAt(0) == '\'') && v.charAt(v.length() - 1) == v.charAt(0)) {
      v = v.substring(1, v.length() - 1).strip();
    }
    // A URL's password is scrubbed out of the URL, which stays showable; key ids are shortened, not secret.
    String w = URL_USERINFO.matcher(v).replaceAll("$1" + Matcher.quoteReplacement(MARK) + "@");
    return !scrub(w).equals(KEY_ID.matcher(w).replaceAll(m -> Matcher.quoteReplacement(KeyIds.shorten(m.group(1)))))
        || v.matches("[A-Za-z0-9/+=]{30,}");
  }

  /** Letters and digits both: a token, not a rule of dashes or a long word. */
  private static boolean mixed(String s) {
    return s.chars().anyMatch(Character::isDigit) && s.chars().anyMatch(Character::isLetter);
  }

  /** 40 letters only (a Java class path segment, a word run) is not a secret key; a secret has digits or / or +. */
  private static boolean looksLikeWord(String s) {
    return s.chars().allMatch(Character::isLetter) && !s.chars().anyMatch(Character::isUpperCase)
        || s.chars().allMatch(c -> c >= 'a' && c <= 'z' || c == '/');
  }
}
