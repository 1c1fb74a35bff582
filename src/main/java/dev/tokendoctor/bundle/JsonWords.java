package dev.tokendoctor.bundle;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jackson's parse errors in the words of someone who wrote JSON: what was found and what was expected, never a
 * Java type, a parser feature or a token class ("enable `JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS`" becomes
 * "NaN is not a number in JSON"). Every message that reaches a person from a JSON reader goes through here.
 */
public final class JsonWords {
  private record Rule(Pattern pattern, Function<Matcher, String> words) {}

  private static final List<Rule> RULES = List.of(
      rule("Non-standard token '([^']*)'", m -> m.group(1) + " is not a number in JSON (JSON has no NaN or Infinity)"),
      rule("(?:Unexpected character|Unrecognized character escape|Non-standard) .*'/'.*comment",
          m -> "comments are not allowed in JSON"),
      rule("Unexpected character \\('''.*", m -> "strings and member names take double quotes in JSON, not single quotes"),
      rule("Unexpected character \\('([^']*)' \\(code \\d+\\)\\): was expecting double-quote to start field name",
          m -> "expected a member name in double quotes, found '" + m.group(1) + "'"
              + ("}".equals(m.group(1)) ? " (a comma before it?)" : "")),
      rule("Unexpected character \\('([^']*)' \\(code \\d+\\)\\): was expecting comma to separate (Object|Array) entries",
          m -> "expected a comma between " + ("Object".equals(m.group(2)) ? "members" : "elements") + ", found '"
              + m.group(1) + "'"),
      rule("Unexpected character \\('([^']*)' \\(code \\d+\\)\\): was expecting a colon.*",
          m -> "expected a colon after the member name, found '" + m.group(1) + "'"),
      rule("Unexpected character \\('([^']*)' \\(code \\d+\\)\\).*",
          m -> "unexpected character '" + m.group(1) + "'; expected a value (a string, number, object, array, true, false or null)"),
      rule("Unexpected close marker '(.)'.*", m -> "'" + m.group(1) + "' closes nothing that is open here"),
      rule("Unrecognized token '([^']*)'.*", m -> "'" + shorten(m.group(1)) + "' is not a JSON value (strings take double quotes)"),
      rule("Unexpected end-of-input.*(?:close marker for|within/between) (Object|Array).*",
          m -> "the document ends before its " + ("Object".equals(m.group(1)) ? "object" : "array") + " is closed"),
      rule("Unexpected end-of-input.*String.*", m -> "the document ends inside a string"),
      rule("Unexpected end-of-input.*", m -> "the document ends too early"),
      rule("Illegal unquoted character \\(\\(CTRL-CHAR, code (\\d+)\\)\\).*",
          m -> "control character " + m.group(1) + " inside a string; JSON needs it escaped (\\n, \\t, \\u0000)"),
      rule("Unrecognized character escape '([^']*)'.*", m -> "\\" + m.group(1) + " is not an escape JSON knows"),
      rule("Invalid UTF-8 (?:start|middle) byte (0x\\w+).*", m -> "not UTF-8: byte " + m.group(1) + " cannot be here"),
      rule("Invalid numeric value: Leading zeroes.*", m -> "numbers cannot start with 0 in JSON"),
      rule("Invalid numeric value: (.*)", m -> "not a JSON number: " + plainTail(m.group(1))),
      rule("Numeric value \\(([^)]*)\\) out of range of (?:`)?(\\w+).*",
          m -> "the number " + shorten(m.group(1)) + " is too large"),
      rule("Duplicate field '([^']*)'.*", m -> "the member '" + m.group(1) + "' appears twice"),
      rule("Trailing token.*|Unexpected character.*after.*end.*", m -> "more content after the JSON document"),
      rule("Document nesting depth \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)\\).*",
          m -> "nested deeper than " + m.group(2) + " levels"),
      rule("String value length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)\\).*",
          m -> "a string of " + m.group(1) + " characters, longer than " + m.group(2)),
      rule("Document length \\((\\d+)\\) exceeds the maximum allowed \\((\\d+)\\).*",
          m -> "longer than " + m.group(2) + " bytes"));

  private JsonWords() {}

  private static Rule rule(String regex, Function<Matcher, String> words) {
    return new Rule(Pattern.compile(regex, Pattern.DOTALL), words);
  }

  /** The first line of a Jackson message in plain words. */
  public static String plain(String jacksonMessage) {
    String msg = firstLine(jacksonMessage);
    for (Rule r : RULES) {
      Matcher m = r.pattern().matcher(msg);
      if (m.lookingAt()) {
        return r.words().apply(m);
      }
    }
    return plainTail(msg);
  }

  /** What is left of a message nothing above matched: without Java types, parser features or token classes. */
  private static String plainTail(String msg) {
    String s = msg
        .replaceAll("\\(for [^)]*\\)", "")
        .replaceAll("\\(class [^)]*\\)", "")
        .replaceAll("(?i)\\b(?:enable|disable) `[^`]*`[^;:.]*", "")
        .replaceAll("`[^`]*`", "this value")
        .replaceAll("(?i)(?:Json|Stream)(?:Read|Write)?Feature\\.\\w+", "")
        .replaceAll("\\b(?:START|END)_(?:OBJECT|ARRAY)\\b", "a bracket")
        .replaceAll("\\bVALUE_\\w+\\b", "a value")
        .replaceAll("\\bFIELD_NAME\\b", "a member name")
        .replaceAll("\\s*\\(code \\d+\\)", "")
        .replaceAll("\\s+", " ")
        .strip();
    s = s.replaceAll("[;:,]\\s*$", "");
    if (s.isEmpty()) {
      return "not valid JSON";
    }
    return shorten(Character.toLowerCase(s.charAt(0)) + s.substring(1));
  }

  private static String shorten(String s) {
    return s.length() > 120 ? s.substring(0, 117) + "..." : s;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  /** Whether {@code s} still speaks Jackson (for tests of every place that reports JSON errors). */
  public static boolean speaksJackson(String s) {
    String l = s.toLowerCase(Locale.ROOT);
    return s.contains("`") || l.contains("feature") || l.contains("com.fasterxml") || l.contains("java.")
        || s.contains("START_") || s.contains("END_") || s.contains("VALUE_") || l.contains("jackson")
        || l.contains("token class") || l.contains("(code ");
  }
}
