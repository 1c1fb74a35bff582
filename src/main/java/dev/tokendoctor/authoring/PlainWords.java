package dev.tokendoctor.authoring;

import dev.tokendoctor.engine.DrlFile;
import dev.tokendoctor.engine.DrlRule;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.SourceFile;
import dev.tokendoctor.scenario.Spelling;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the rule compiler's messages for people who know AWS, not Java: says what to look for, suggests
 * the name that was probably meant, points at the line where the mistake is (the compiler points at the first
 * line of the rule for any mistake in its {@code then} part), and drops the messages that only follow from
 * another. The compiler's own words stay in {@link RuleProblem#original()} for {@code --verbose}.
 */
final class PlainWords {
  private static final Pattern PARSER = Pattern.compile("\\[ERR \\d+\\] Line (\\d+):(\\d+) (.*)", Pattern.DOTALL);
  private static final Pattern TOKEN = Pattern.compile("'((?:[^']|'(?=[^ ]))*)'");
  private static final Pattern MISSING = Pattern.compile("missing (\\S+) at '(.*)'.*", Pattern.DOTALL);
  private static final Pattern UNKNOWN_TYPE = Pattern.compile(".*Unable to resolve ObjectType '([^']+)'.*", Pattern.DOTALL);
  private static final Pattern UNKNOWN_FIELD = Pattern.compile(
      ".*unable to resolve method using strict-mode: ([\\w.$]+)\\.(\\w+)\\(\\).*", Pattern.DOTALL);
  private static final Pattern ANALYZE = Pattern.compile("Unable to analyze expression '(.*)'", Pattern.DOTALL);
  private static final Pattern THEN_PART = Pattern.compile("Rule Compilation error(.*)", Pattern.DOTALL);
  private static final Pattern UNBOUND = Pattern.compile("(\\$?[\\w]+) cannot be resolved(?: to a variable)?");
  private static final Pattern UNKNOWN_JAVA_TYPE = Pattern.compile("(\\w+) cannot be resolved to a type");
  private static final Pattern NO_METHOD = Pattern.compile("The method (\\w+)\\((.*)\\) is undefined for the type ([\\w.]+)");
  private static final Pattern WRONG_ARGS = Pattern.compile(
      "The method (\\w+)\\((.*)\\) in the type (\\w+) is not applicable for the arguments \\((.*)\\)");
  private static final Pattern MISMATCH = Pattern.compile("Type mismatch: cannot convert from (.+) to (.+)");
  private static final Pattern INSERT = Pattern.compile("Syntax error, insert \"(.+)\" to complete (\\w+)");
  private static final Pattern ON_TOKEN = Pattern.compile("Syntax error on tokens?,? \"?([^\",]+)\"?,? (.+)");
  private static final Pattern UNHANDLED = Pattern.compile("Unhandled exception type (\\w+)");
  private static final String FACTS_IMPORT = "import dev.tokendoctor.facts.*";

  private PlainWords() {}

  /**
   * The compiler's problems, rewritten. {@code files} finds a problem's file by the path it shows;
   * {@code parsed} its rules.
   */
  static List<RuleProblem> revise(List<RuleProblem> problems, Map<String, SourceFile> files, Map<String, DrlFile> parsed) {
    List<RuleProblem> out = new ArrayList<>();
    Set<String> filesWithUnknownType = new LinkedHashSet<>();
    for (RuleProblem p : problems) {
      if (UNKNOWN_TYPE.matcher(p.original()).matches()) {
        filesWithUnknownType.add(p.file());
      }
    }
    for (RuleProblem p : problems) {
      String original = p.original();
      if (original.isBlank() || original.startsWith("Duplicate rule name")) {
        // Not the compiler's (or the linter says it better, naming both places).
        if (original.isBlank()) {
          out.add(p);
        }
        continue;
      }
      SourceFile f = files.get(p.file());
      DrlFile drl = parsed.get(p.file());
      Matcher m;
      if ((m = THEN_PART.matcher(original)).matches()) {
        out.addAll(thenPart(p, m.group(1), f, drl, filesWithUnknownType.contains(p.file())));
      } else if ((m = PARSER.matcher(original)).matches()) {
        out.add(with(p, p.line(), syntax(m.group(3), line(f, Integer.parseInt(m.group(1))), Integer.parseInt(m.group(2)))));
      } else if ((m = UNKNOWN_TYPE.matcher(original)).matches()) {
        out.add(with(p, p.line(), unknownType(m.group(1), f)));
      } else if ((m = UNKNOWN_FIELD.matcher(original)).matches()) {
        out.add(with(p, p.line(), unknownField(m.group(1), m.group(2))));
      } else if ((m = ANALYZE.matcher(original.strip())).matches()) {
        boolean explained = problems.stream().anyMatch(o -> o != p && o.file().equals(p.file()) && o.line() == p.line()
            && !ANALYZE.matcher(o.original().strip()).matches());
        if (!explained) {
          out.add(with(p, p.line(), "cannot understand the condition '" + m.group(1) + "': a field may be misspelt, or compared with a value of another type"));
        }
      } else {
        out.add(p);
      }
    }
    return dedupe(out);
  }

  private static String syntax(String what, String sourceLine, int column) {
    Matcher t = TOKEN.matcher(what);
    Matcher miss = MISSING.matcher(what);
    if (miss.matches()) {
      return "a " + miss.group(1) + " is missing before '" + miss.group(2) + "'";
    }
    String token = t.find() ? t.group(1) : null;
    if (token == null) {
      return "the rule cannot be read here (check brackets, quotes, commas and the when/then/end keywords)";
    }
    switch (token) {
      case "then":
        return "the 'when' part is not finished where 'then' starts: look above for a '(' without its ')', a quote that is not closed, or a missing comma";
      case "<eof>":
      case "<EOF>":
        return "the file ends in the middle of a rule: a '(' or a quote is not closed, or the rule has no 'end'";
      case "end":
        return "'end' comes too early: the rule above needs both a 'when' and a 'then' part";
      case "rule":
        return "a new rule starts before the previous one is finished: is its 'end' missing?";
      case "=":
        return "'=' cannot compare: write '==' (equals) or '!=' (differs)";
      default:
        break;
    }
    if (token.matches("[\\w$]+") && column > 0 && sourceLine != null && column <= sourceLine.length()) {
      String before = sourceLine.substring(0, column).stripTrailing();
      if (!before.isEmpty() && (Character.isLetterOrDigit(before.charAt(before.length() - 1)) || before.endsWith(")") || before.endsWith("\""))) {
        return "unexpected '" + token + "': is a comma missing before it? (conditions inside ( ) are separated by commas)";
      }
    }
    return "unexpected '" + token + "' here (check brackets, quotes, commas and the when/then/end keywords)";
  }

  private static String unknownType(String type, SourceFile f) {
    String simple = type.substring(type.lastIndexOf('.') + 1);
    Set<String> known = FactTypes.patternTypeNames();
    if (known.contains(simple) && f != null && !f.text().contains(FACTS_IMPORT)) {
      return "unknown fact type '" + simple + "': the file lacks the line " + FACTS_IMPORT + ";";
    }
    return "unknown fact type '" + type + "'" + Spelling.suggestion(simple, known) + " (docs/facts.md lists the fact types)";
  }

  private static String unknownField(String className, String field) {
    String simple = className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    Optional<Class<?>> type = FactTypes.bySimpleName(simple.substring(simple.lastIndexOf('.') + 1));
    String hint = type.map(t -> Spelling.suggestion(field, FactTypes.properties(t))).orElse("");
    return "fact type " + simple + " has no field '" + field + "'" + hint + " (docs/facts.md lists its fields)";
  }

  /** A {@code then} part that does not compile: one problem per distinct message, at the line it is about. */
  private static List<RuleProblem> thenPart(RuleProblem p, String details, SourceFile f, DrlFile drl, boolean unknownTypeInFile) {
    Optional<DrlRule> rule = drl == null ? Optional.empty()
        : drl.rules().stream().filter(r -> r.line() == p.line()).findFirst();
    int thenLine = rule.map(DrlRule::thenLine).filter(l -> l > 0).orElse(p.line());
    int end = rule.map(DrlRule::endLine).filter(l -> l > 0).orElse(thenLine + 50);
    Set<String> seen = new LinkedHashSet<>();
    for (String l : details.strip().split("\n")) {
      String s = l.strip().replaceAll("^Rule_\\S+ \\(\\d+:\\d+\\) : ", "");
      if (!s.isEmpty()) {
        seen.add(s);
      }
    }
    List<RuleProblem> out = new ArrayList<>();
    for (String s : seen) {
      Matcher m;
      String message;
      String token = null;
      if ((m = UNBOUND.matcher(s)).matches()) {
        if (unknownTypeInFile && m.group(1).startsWith("$")) {
          continue; // follows from the unknown fact type that was meant to bind it
        }
        token = m.group(1);
        message = token.startsWith("$")
            ? "'" + token + "' is not defined: bind it in the 'when' part (" + token + " : FactType( ... )) before using it in 'then'"
            : "'" + token + "' is not defined here: a misspelt name? (names bound in 'when' start with $)";
      } else if ((m = UNKNOWN_JAVA_TYPE.matcher(s)).matches()) {
        token = m.group(1);
        message = "unknown type '" + token + "' in the 'then' part" + Spelling.suggestion(token, FactTypes.patternTypeNames());
      } else if ((m = NO_METHOD.matcher(s)).matches()) {
        String method = m.group(1);
        token = method + "(";
        String owner = m.group(3);
        String hint = FactTypes.bySimpleName(owner.substring(owner.lastIndexOf('.') + 1)).map(t -> Spelling.suggestion(method, methodNames(t))).orElse("");
        message = owner + " has no method '" + method + "'" + hint
            + (owner.endsWith("Builder") ? " (docs/rule-api.md lists what a finding or check can say)" : " (docs/facts.md lists its fields)");
      } else if ((m = WRONG_ARGS.matcher(s)).matches()) {
        token = m.group(1) + "(";
        message = m.group(1) + "(...) takes (" + m.group(2) + "), not (" + m.group(4) + ")";
      } else if ((m = MISMATCH.matcher(s)).matches()) {
        message = "a value of type " + m.group(1) + " is used where " + m.group(2) + " is needed";
      } else if ((m = INSERT.matcher(s)).matches()) {
        message = "the 'then' part is not valid Java: insert " + m.group(1) + " to complete the " + m.group(2).toLowerCase(java.util.Locale.ROOT)
            + (";".equals(m.group(1)) ? " (every statement ends with ';', as in .conclude();)" : "");
      } else if ((m = ON_TOKEN.matcher(s)).matches()) {
        token = m.group(1);
        message = "the 'then' part is not valid Java near '" + token + "': " + m.group(2);
      } else if ((m = UNHANDLED.matcher(s)).matches()) {
        message = "a method called in 'then' may throw " + m.group(1) + "; rules should call only methods that do not";
      } else {
        message = "the 'then' part does not compile: " + s;
      }
      int line = token == null || f == null ? thenLine : lineOf(f.text(), token, thenLine, end);
      out.add(new RuleProblem(p.file(), line, p.level(), message, p.original()));
    }
    return out;
  }

  private static Set<String> methodNames(Class<?> t) {
    Set<String> names = new LinkedHashSet<>(FactTypes.properties(t));
    for (var m : t.getMethods()) {
      names.add(m.getName());
    }
    return names;
  }

  private static int lineOf(String text, String token, int from, int to) {
    String[] lines = text.split("\r?\n", -1);
    Pattern p = Pattern.compile((token.matches("^[\\w$].*") ? "(?<![\\w$])" : "") + Pattern.quote(token)
        + (token.matches(".*[\\w$]$") ? "(?![\\w$])" : ""));
    return DrlFile.find(lines, from, to, p);
  }

  private static String line(SourceFile f, int line) {
    if (f == null) {
      return null;
    }
    String[] lines = f.text().split("\r?\n", -1);
    return line >= 1 && line <= lines.length ? lines[line - 1] : null;
  }

  private static RuleProblem with(RuleProblem p, int line, String message) {
    return new RuleProblem(p.file(), line, p.level(), message, p.original());
  }

  private static List<RuleProblem> dedupe(List<RuleProblem> problems) {
    Set<String> seen = new LinkedHashSet<>();
    List<RuleProblem> out = new ArrayList<>();
    for (RuleProblem p : problems) {
      if (seen.add(p.format())) {
        out.add(p);
      }
    }
    return out;
  }
}
