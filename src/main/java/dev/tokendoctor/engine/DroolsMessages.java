package dev.tokendoctor.engine;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the rule compiler's messages into words a support engineer can act on. The original message is kept
 * for {@code --verbose}.
 */
final class DroolsMessages {
  private static final Pattern NO_VIABLE = Pattern.compile("\\[ERR 10[12]\\] Line \\d+:\\d+ (?:no viable alternative at input|mismatched input) '([^']*)'.*");
  private static final Pattern EXTRANEOUS = Pattern.compile("\\[ERR 10[0-9]\\] Line \\d+:\\d+ (?:extraneous input|missing \\S+ at) '([^']*)'.*");
  private static final Pattern UNRESOLVED_TYPE = Pattern.compile(".*Unable to resolve ObjectType '([^']+)'.*", Pattern.DOTALL);
  private static final Pattern UNKNOWN_FIELD = Pattern.compile(".*unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\).*", Pattern.DOTALL);
  private static final Pattern UNKNOWN_FIELD2 = Pattern.compile(".*Unable to (?:Analyse Expression|create Field Extractor for) '?([\\w.]+)'?.*", Pattern.DOTALL);
  private static final Pattern DUPLICATE = Pattern.compile(".*Duplicate rule name: (.+)", Pattern.DOTALL);
  private static final Pattern JAVA_ERROR = Pattern.compile(".*Rule Compilation error\\s*(.*)", Pattern.DOTALL);

  private DroolsMessages() {}

  /** Known follow-on noise after a real error: dropping it keeps one line per real problem. */
  static boolean isNoise(String message) {
    return message.contains("Parser returned a null Package")
        || (message.contains("Rule Compilation error") && message.contains("is already defined"))
        || message.contains("Unable to wire compiled classes");
  }

  static String translate(String original) {
    String m = original.strip();
    Matcher x;
    if ((x = NO_VIABLE.matcher(m)).matches()) {
      return "syntax error near '" + x.group(1) + "' (check brackets, quotes, commas and the when/then/end keywords)";
    }
    if ((x = EXTRANEOUS.matcher(m)).matches()) {
      return "syntax error: unexpected '" + x.group(1) + "'";
    }
    if ((x = UNRESOLVED_TYPE.matcher(m)).matches()) {
      return "unknown fact type '" + x.group(1) + "' (see docs/facts.md for the fact types; is the import line there?)";
    }
    if ((x = UNKNOWN_FIELD.matcher(m)).matches()) {
      String type = x.group(1).substring(x.group(1).lastIndexOf('.') + 1);
      return "fact type " + type + " has no field '" + x.group(2) + "' (see docs/facts.md for its fields)";
    }
    if ((x = DUPLICATE.matcher(m)).matches()) {
      return "another rule already has the name " + x.group(1).strip() + "; every rule needs its own name";
    }
    if ((x = UNKNOWN_FIELD2.matcher(m)).matches()) {
      return "cannot understand the condition '" + x.group(1) + "': a field name may be misspelled";
    }
    if ((x = JAVA_ERROR.matcher(m)).matches()) {
      String first = x.group(1).strip().lines().filter(l -> !l.isBlank()).findFirst().orElse("");
      return "the 'then' part does not compile: " + first.replaceAll("^Rule_\\S+ \\(\\d+:\\d+\\) : ", "");
    }
    String first = m.lines().findFirst().orElse(m);
    return first.length() > 240 ? first.substring(0, 240) + "..." : first;
  }
}
