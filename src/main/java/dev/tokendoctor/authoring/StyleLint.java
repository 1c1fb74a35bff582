package dev.tokendoctor.authoring;

import dev.tokendoctor.diagnosis.Template;
import dev.tokendoctor.diagnosis.TemplateFile;
import dev.tokendoctor.engine.DrlFile;
import dev.tokendoctor.engine.DrlRule;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.SourceFile;
import dev.tokendoctor.engine.Tables;
import dev.tokendoctor.facts.Setting;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of {@code rules check} that teaches the template style of cause rules: Java in a {@code then} part
 * (loops, branches, casts, local variables, text built in Java), numbers a setting names, and the templates a rule
 * uses (each template it names exists, each placeholder gets a value).
 */
final class StyleLint {
  private static final Pattern CALL = Pattern.compile("\\.(evidence|fix|title)\\s*\\(");
  private static final Pattern NUMBER = Pattern.compile("(?<![\\w.$])(\\d{2,})(?![\\w.])");
  private static final Pattern LOCAL_VARIABLE = Pattern.compile(
      "^\\s*(?:final\\s+)?(?:[a-z]\\w*\\.)*[A-Z][\\w.]*(?:<[^>]*>)?(?:\\[\\])?\\s+[a-z]\\w*\\s*(?:=|;)|^\\s*(?:long|int|boolean|double|var|String)\\s+[a-z]\\w*\\s*(?:=|;)");
  private static final Pattern CAST = Pattern.compile("\\(\\s*\\(?[A-Z]\\w*(?:<[^>]*>)?\\s*\\)\\s*[\\w$(]");
  private static final Pattern TERNARY = Pattern.compile("\\?[^?:]*:");

  private StyleLint() {}

  static void lint(RuleSource source, Map<String, DrlFile> parsed, List<RuleProblem> out) {
    Map<String, TemplateFile.Parsed> templates = new HashMap<>();
    Map<String, SourceFile> templateFiles = new HashMap<>();
    for (SourceFile f : source.templateFiles()) {
      templates.put(f.baseName(), TemplateFile.parse(f.baseName(), f.displayPath(), f.text()));
      templateFiles.put(f.baseName(), f);
    }
    Map<Long, List<Setting>> settings = new LinkedHashMap<>();
    Tables.settings(source).forEach(s -> settings.computeIfAbsent(s.value(), k -> new ArrayList<>()).add(s));
    Map<String, Set<String>> usedTemplates = new HashMap<>();
    for (DrlFile d : parsed.values()) {
      if (!d.parsed()) {
        continue;
      }
      String[] lines = d.source().text().split("\r?\n", -1);
      for (DrlRule r : d.rules()) {
        if (!"cause".equals(r.kind()) && !"check".equals(r.kind())) {
          continue;
        }
        javaInThen(d, r, lines, out);
        numbers(d, r, lines, settings, out);
        existsOr(d, r, lines, out);
        String id = r.id() == null ? r.name() : r.id();
        templateCalls(d, r, lines, id, templates.get(id), templateFiles.get(id), usedTemplates, out);
      }
    }
    templates.forEach((id, parsedFile) -> parsedFile.templates().values().forEach(t -> {
      if (parsed.values().stream().anyMatch(DrlFile::parsed) && !usedTemplates.getOrDefault(id, Set.of()).contains(t.name())
          && usedTemplates.containsKey(id)) {
        out.add(warning(t.file(), t.line(), "the template '" + t.name() + "' is never used by a rule of " + id));
      }
    }));
  }

  /** A warning that teaches the template style (Java in 'then', a number a setting names, exists over or). */
  static boolean isAdvice(RuleProblem p) {
    return !p.error() && (p.message().contains(" in 'then'") || p.message().contains(" is the setting ")
        || p.message().contains("exists( A or B )"));
  }

  /** The lines of the then part, as {@code [line number, code without strings and comments, raw line]}. */
  private static List<Object[]> thenLines(DrlRule r, String[] lines) {
    List<Object[]> out = new ArrayList<>();
    for (int n = r.thenLine(); n < r.endLine() && n <= lines.length; n++) {
      String raw = lines[n - 1];
      if (raw.strip().equals("then")) {
        continue;
      }
      out.add(new Object[] {n, code(raw), raw});
    }
    return out;
  }

  private static void javaInThen(DrlFile d, DrlRule r, String[] lines, List<RuleProblem> out) {
    String path = d.source().displayPath();
    String what = "rule \"" + r.name() + "\"";
    Map<String, Integer> first = new LinkedHashMap<>();
    Map<String, Integer> count = new HashMap<>();
    for (Object[] l : thenLines(r, lines)) {
      int n = (int) l[0];
      String c = (String) l[1];
      String raw = (String) l[2];
      List<String> kinds = new ArrayList<>();
      if (c.matches("\\s*(for|while)\\s*\\(.*")) {
        kinds.add("loop");
      }
      if (c.matches("\\s*(\\}\\s*)?(if|else)\\b.*") || c.matches(".*\\bswitch\\s*\\(.*") || c.matches("\\s*case\\b.*")) {
        kinds.add("branch");
      }
      if (TERNARY.matcher(c).find()) {
        kinds.add("ternary");
      }
      if (CAST.matcher(c).find()) {
        kinds.add("cast");
      }
      if (LOCAL_VARIABLE.matcher(c).find()) {
        kinds.add("variable");
      }
      if (raw.contains("\\\"")) {
        kinds.add("quote");
      }
      if (c.contains("\" +") || c.contains("+ \"") || c.matches(".*\"\\s*\\+.*") || (raw.contains("\"") && c.contains(" + "))) {
        kinds.add("text");
      }
      for (String k : kinds) {
        first.putIfAbsent(k, n);
        count.merge(k, 1, Integer::sum);
      }
    }
    first.forEach((kind, line) -> {
      int times = count.get(kind);
      String many = times > 1 ? " (" + times + " lines from here)" : "";
      String message = switch (kind) {
        case "loop" -> what + ": a loop in 'then'" + many + ": let the rule fire once per piece of evidence instead: match the fact"
            + " itself (not 'from collect'), one small rule per kind of evidence with the same @id; the firings are merged into one finding";
        case "branch" -> what + ": if/else or switch in 'then'" + many + ": write each variant of the fix as its own small rule"
            + " (same @id, the condition in 'when') or as a table row (rules/tables/); optional text is a {{#name}}...{{/name}} section of the template";
        case "ternary" -> what + ": a ?: choice in 'then'" + many + ": put the choice in 'when' (one rule per case), in a fact method"
            + " or a vocabulary fact (rules/vocabulary/, docs/facts.md), or in the template ({{#name}}...{{/name}}{{^name}}...{{/name}})";
        case "cast" -> what + ": a cast in 'then'" + many + ": bind the fact in 'when' ($x : Fact( ... )) and pass its values by name";
        case "variable" -> what + ": a local variable in 'then'" + many + ": pass the value by name to the template:"
            + " .evidence(\"name\", $fact.origin(), \"value\", $fact.method()); computed values belong in a fact method or a vocabulary fact";
        case "quote" -> what + ": an escaped quote (\\\") in 'then'" + many + ": write the wording in " + r.id() + TemplateFile.SUFFIX
            + ", where quotes, apostrophes and single braces are plain text (a literal {{ is written after {{=<% %>=}})";
        default -> what + ": text built with + in 'then'" + many + ": write the wording in " + (r.id() == null ? "<ID>" : r.id())
            + TemplateFile.SUFFIX + " with named placeholders ({{keyId}}) and name it: cause(kcontext).evidence(\"template\", origin, \"keyId\", $c.keyId())";
      };
      out.add(warning(path, line, message));
    });
  }

  private static void numbers(DrlFile d, DrlRule r, String[] lines, Map<Long, List<Setting>> settings, List<RuleProblem> out) {
    if (settings.isEmpty()) {
      return;
    }
    Set<Long> reported = new LinkedHashSet<>();
    for (int n = r.line(); n < r.endLine() && n <= lines.length; n++) {
      String c = code(lines[n - 1]);
      if (c.stripLeading().startsWith("@")) {
        continue;
      }
      Matcher m = NUMBER.matcher(c);
      while (m.find()) {
        long v;
        try {
          v = Long.parseLong(m.group(1));
        } catch (NumberFormatException e) {
          continue;
        }
        List<Setting> named = settings.get(v);
        if (named != null && reported.add(v)) {
          String which = String.join(" or ", named.stream().map(s -> s.name() + " (" + s.meaning() + ")").toList());
          out.add(warning(d.source().displayPath(), n, "rule \"" + r.name() + "\": " + v + " is the setting " + which
              + "; if that is what it means, read it by name: Setting( name == \"" + named.get(0).name() + "\", $v : value ),"
              + " so that changing rules/tables/settings.csv changes every rule"));
        }
      }
    }
  }

  private static void existsOr(DrlFile d, DrlRule r, String[] lines, List<RuleProblem> out) {
    for (int n = r.line(); n < r.thenLine() && n <= lines.length; n++) {
      if (code(lines[n - 1]).matches(".*\\bexists\\s*\\(.*\\bor\\b.*")) {
        out.add(warning(d.source().displayPath(), n, "rule \"" + r.name() + "\": exists( A or B ) misses firings in a reused session"
            + " (Drools 10.2): write ( A or B ) instead; the extra firings of one cause are merged into one finding"));
      }
    }
  }

  private static void templateCalls(DrlFile d, DrlRule r, String[] lines, String id, TemplateFile.Parsed parsed, SourceFile file,
      Map<String, Set<String>> used, List<RuleProblem> out) {
    String path = d.source().displayPath();
    boolean templateStyle = r.consequence().contains("cause(kcontext)") || r.consequence().contains("verified(kcontext)");
    if (!templateStyle) {
      return;
    }
    used.computeIfAbsent(id, k -> new LinkedHashSet<>());
    String what = "rule \"" + r.name() + "\"";
    String then = String.join("\n", thenLines(r, lines).stream().map(l -> (String) l[2]).toList());
    int base = r.thenLine() + (lines.length >= r.thenLine() && lines[r.thenLine() - 1].strip().equals("then") ? 1 : 0);
    Matcher m = CALL.matcher(then);
    while (m.find()) {
      int line = base + (int) then.substring(0, m.start()).chars().filter(ch -> ch == '\n').count();
      List<String> args = arguments(then, m.end());
      if (args.isEmpty() || !args.get(0).matches("\"[^\"]*\"")) {
        out.add(error(path, line, what + ": ." + m.group(1) + "( must start with the template's name in quotes"));
        continue;
      }
      String name = args.get(0).substring(1, args.get(0).length() - 1);
      String kind = "fix".equals(m.group(1)) || "title".equals(m.group(1)) ? m.group(1)
          : r.kind().equals("check") ? "check" : "evidence";
      if (parsed == null) {
        out.add(error(path, line, what + " names the template '" + name + "', but there is no " + id + TemplateFile.SUFFIX
            + " beside the rule: write it, with a heading '## " + kind + " " + name + "' and the text under it"));
        continue;
      }
      Template t = parsed.templates().get(name);
      if (t == null) {
        out.add(error(path, line, what + ": no template '" + name + "' in " + file.displayPath() + ": add '## " + kind + " "
            + name + "' with its text" + dev.tokendoctor.scenario.Spelling.suggestion(name, parsed.templates().keySet())));
        continue;
      }
      used.get(id).add(name);
      if (!t.kind().equals(kind)) {
        out.add(error(path, line, what + ": the template '" + name + "' (" + t.where() + ") is a " + t.kind() + " template, used as " + kind));
      }
      int firstValue = "fix".equals(kind) || "title".equals(kind) ? 1 : 2;
      Set<String> passed = new LinkedHashSet<>();
      for (int i = firstValue; i < args.size(); i += 2) {
        String a = args.get(i);
        if (!a.matches("\"[^\"]*\"") || i + 1 >= args.size()) {
          out.add(error(path, line, what + ": values are passed as pairs: \"name\", value (argument " + (i + 1) + " is " + a + ")"));
          break;
        }
        passed.add(a.substring(1, a.length() - 1));
      }
      for (String p : t.placeholders()) {
        if (!passed.contains(p)) {
          out.add(error(path, line, what + ": the template '" + name + "' (" + t.where() + ") uses {{" + p + "}}, but no value named \""
              + p + "\" is passed: add \"" + p + "\", $fact.value() to the call"));
        }
      }
      for (String p : passed) {
        if (!t.placeholders().contains(p)) {
          out.add(warning(path, line, what + ": the value \"" + p + "\" is passed to the template '" + name + "' (" + t.where()
              + "), which does not use it"));
        }
      }
    }
  }

  /** The top-level arguments of the call whose '(' ends at {@code from}, as written. */
  static List<String> arguments(String text, int from) {
    List<String> args = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (inString) {
        cur.append(ch);
        if (ch == '\\' && i + 1 < text.length()) {
          cur.append(text.charAt(++i));
        } else if (ch == '"') {
          inString = false;
        }
        continue;
      }
      if (ch == '"') {
        inString = true;
        cur.append(ch);
      } else if (ch == '(') {
        depth++;
        cur.append(ch);
      } else if (ch == ')') {
        if (depth == 0) {
          break;
        }
        depth--;
        cur.append(ch);
      } else if (ch == ',' && depth == 0) {
        args.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(ch);
      }
    }
    if (!cur.toString().isBlank()) {
      args.add(cur.toString().strip());
    }
    return args;
  }

  /** A line of code without its string literals (kept as {@code ""}) and its comment. */
  static String code(String line) {
    StringBuilder sb = new StringBuilder();
    boolean inString = false;
    for (int i = 0; i < line.length(); i++) {
      char ch = line.charAt(i);
      if (inString) {
        if (ch == '\\') {
          i++;
        } else if (ch == '"') {
          inString = false;
          sb.append('"');
        }
        continue;
      }
      if (ch == '"') {
        inString = true;
        sb.append('"');
      } else if (ch == '/' && i + 1 < line.length() && line.charAt(i + 1) == '/') {
        break;
      } else {
        sb.append(ch);
      }
    }
    return sb.toString();
  }

  private static RuleProblem warning(String file, int line, String message) {
    return new RuleProblem(file, line, "warning", message, "");
  }

  private static RuleProblem error(String file, int line, String message) {
    return new RuleProblem(file, line, "error", message, "");
  }
}
