package dev.tokendoctor.collect;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Recognises values that are not real credentials: AWS's documented example keys, templates left
 * uninterpolated (shared files never interpolate), stringified "no value"s, and dummy words. Runs on the
 * raw value before it is reduced to a descriptor.
 */
final class Placeholders {
  private static final Set<String> AWS_EXAMPLES = Set.of(
      "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
      "AKIAI44QH8DHBEXAMPLE", "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY", "ASIAIOSFODNN7EXAMPLE");
  private static final Pattern EXAMPLE_KEY_ID = Pattern.compile("A[KS]IA[A-Z0-9]{9}EXAMPLE");
  private static final Pattern EXAMPLE_SECRET = Pattern.compile("[A-Za-z0-9/+]{30}EXAMPLEKEY");
  private static final Pattern TEMPLATE = Pattern.compile(
      "<[^<>]*>|\\$\\{[^}]*}|\\{\\{.*}}|%\\([^)]*\\)s|\\$\\([^)]*\\)|\\$[A-Z_][A-Z0-9_]*");
  private static final Pattern FILL_IN = Pattern.compile(
      "(?i)(your|my|insert|enter|replace|put)[_\\- ][a-z _\\-]*|[a-z _\\-]*[_\\- ]here|replace[_\\- ]?me|todo|tbd|fixme");
  private static final Set<String> LITERAL_NONE = Set.of("undefined", "null", "none", "nil", "(null)", "nan", "[object object]");
  private static final Set<String> DUMMY = Set.of(
      "changeme", "change_me", "change-me", "test", "testing", "dummy", "fake", "foo", "bar", "foobar", "placeholder",
      "example", "sample", "secret", "password", "mock", "localstack", "key", "token", "accesskey", "secretkey",
      "access_key", "secret_key", "...", "-");
  private static final Pattern REPEATED = Pattern.compile("(?i)x{3,}|\\*{3,}|\\.{3,}|0{3,}|1234\\d*|123|abc(def)?");

  private Placeholders() {}

  /** The kind of placeholder {@code value} (trimmed and unquoted) is, or {@code null} for a plausible real value. */
  static String kind(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    if (AWS_EXAMPLES.contains(value) || EXAMPLE_KEY_ID.matcher(value).matches() || EXAMPLE_SECRET.matcher(value).matches()) {
      return "aws-example";
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (LITERAL_NONE.contains(lower)) {
      return "literal-undefined";
    }
    if (TEMPLATE.matcher(value).find() && !value.contains("://")) {
      return "template";
    }
    if (value.length() <= 40 && FILL_IN.matcher(value).matches()) {
      return "template";
    }
    if (DUMMY.contains(lower) || REPEATED.matcher(value).matches()) {
      return "dummy";
    }
    return null;
  }
}
