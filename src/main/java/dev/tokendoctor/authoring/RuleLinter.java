package dev.tokendoctor.authoring;

import dev.tokendoctor.diagnosis.Confidence;
import dev.tokendoctor.diagnosis.Severity;
import dev.tokendoctor.engine.ConstraintJitting;
import dev.tokendoctor.engine.DrlFile;
import dev.tokendoctor.engine.DrlRule;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.SourceFile;
import dev.tokendoctor.scenario.Samples;
import dev.tokendoctor.scenario.Scenario;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioFiles;
import dev.tokendoctor.scenario.ScenarioSuite;
import dev.tokendoctor.scenario.Spelling;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code rules check}: compiles the knowledge base and checks what the compiler cannot, that every rule can
 * be found, trusted and tested: its id is on the cause list and matches its name and file, it says how to fix
 * what it finds, it names its sources, and it has a positive and a near-miss scenario. Errors make the
 * knowledge base wrong; warnings make it weaker.
 */
public final class RuleLinter {
  static final String PACKAGE = "tokendoctor.rules";

  private RuleLinter() {}

  /**
   * Lints {@code source}.
   *
   * @param samples where scenario bundles are looked up; {@code null} skips that check
   */
  public static LintReport lint(RuleSource source, Samples samples) {
    return lint(source, samples, f -> true);
  }

  /**
   * Lints {@code source}, giving the rules compiler only the rule files {@code compile} accepts (every other check
   * still reads every file). The linter's own tests break one worked example at a time: compiling that file
   * alone, not the whole knowledge base again for each mistake, finds the same problems in it.
   *
   * @param compile which rule files ({@code .drl}) the compiler reads; tables and templates are always read
   */
  public static LintReport lint(RuleSource source, Samples samples, java.util.function.Predicate<SourceFile> compile) {
    List<RuleProblem> engine = new ArrayList<>();
    RuleSource compiled = new RuleSource(source.description(),
        source.files().stream().filter(f -> !f.isRule() || compile.test(f)).toList());
    KnowledgeBase kb = KnowledgeBaseLoader.compile(compiled, engine);

    Map<String, SourceFile> byPath = new HashMap<>();
    Map<String, DrlFile> parsed = new LinkedHashMap<>();
    for (SourceFile f : source.ruleFiles()) {
      byPath.put(f.displayPath(), f);
      parsed.put(f.displayPath(), DrlFile.parse(f));
    }
    List<RuleProblem> lints = new ArrayList<>();
    CauseList causes = CauseList.read(source, lints);
    ScenarioSuite suite = ScenarioFiles.read(source);
    lints.addAll(suite.problems());

    // What the cause rules conclude; their names count too, so that one wrong or missing @id is reported
    // once, not again by every check and scenario of that cause.
    Set<String> concluded = new LinkedHashSet<>();
    parsed.values().forEach(d -> d.causeRules().forEach(r -> {
      concluded.add(r.name());
      if (r.id() != null) {
        concluded.add(r.id());
      }
    }));
    boolean haveList = !causes.causes().isEmpty();
    Map<String, String> firstName = new HashMap<>();
    Map<String, String> firstId = new HashMap<>();
    for (DrlFile d : parsed.values()) {
      if (!d.parsed()) {
        continue;
      }
      lintFile(d, causes, haveList, concluded, suite, firstName, firstId, lints);
    }
    // Until every rule file parses, "no rule concludes X" may only mean X's file is the broken one.
    boolean allParsed = parsed.values().stream().allMatch(DrlFile::parsed);
    for (ScenarioFile sf : suite.files()) {
      lintScenarios(sf, causes, haveList, allParsed ? concluded : null, samples, lints);
    }
    for (DrlFile d : parsed.values()) {
      lints.addAll(unfinishedRules(d.source()));
    }
    StyleLint.lint(source, parsed, lints);
    CostLint.lint(parsed, kb, lints);
    if (kb != null) {
      lints.addAll(uncompilableConstraints(ConstraintJitting.blockingRules(kb), parsed.values(), lints));
    }

    List<RuleProblem> all = new ArrayList<>();
    for (RuleProblem p : PlainWords.revise(engine, byPath, parsed)) {
      // The loader's own metadata checks say what the linter says at the same place, in other words: keep one.
      boolean sameAsLint = p.original().isBlank() && lints.stream().anyMatch(l -> l.error() && l.file().equals(p.file()) && l.line() == p.line());
      if (!sameAsLint) {
        all.add(p);
      }
    }
    all.addAll(lints);
    all.sort(Comparator.comparing(RuleProblem::file).thenComparingInt(RuleProblem::line));
    return new LintReport(all, kb, List.copyOf(parsed.values()), causes, suite);
  }

  private static void lintFile(DrlFile d, CauseList causes, boolean haveList, Set<String> concluded, ScenarioSuite suite,
      Map<String, String> firstName, Map<String, String> firstId, List<RuleProblem> out) {
    String path = d.source().displayPath();
    if (!PACKAGE.equals(d.packageName())) {
      out.add(warning(path, 1, "the package should be '" + PACKAGE + "' like every rule file"
          + (d.packageName() == null ? "" : ", not '" + d.packageName() + "'") + " (rule names are unique only within one package)"));
    }
    for (String fn : d.functions()) {
      out.add(warning(path, 0, "declares the function " + fn + "(): functions of one package collide across files; call a method of a fact instead"));
    }
    for (String t : d.declaredTypes()) {
      out.add(warning(path, 0, "declares the type " + t + ": declared types collide across files; use the fact types (docs/facts.md)"));
    }
    String[] lines = d.source().text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      java.util.regex.Matcher m = STRING_OPERATOR.matcher(lines[i]);
      if (m.find() && !lines[i].stripLeading().startsWith("//")) {
        out.add(warning(path, i + 1, "'str[" + m.group(1) + "]' " + SLOWS_EVERY_RULE + ": write the method call instead,"
            + " e.g. name.startsWith(\"AWS_\")"));
      }
    }
    // Drools shares imports across the files of a package, so a file that forgets one still compiles with
    // the others; alone (a cached, file-by-file compile) it would not.
    for (String fn : List.of("finding", "check", "score", "supersede")) {
      String text = d.source().text();
      if (java.util.regex.Pattern.compile("(?m)^[^/]*\\b" + fn + "\\(kcontext").matcher(text).find()
          && !text.contains("import function dev.tokendoctor.diagnosis.Conclude." + fn + ";")) {
        out.add(error(path, 1, "calls " + fn + "(kcontext) without 'import function dev.tokendoctor.diagnosis.Conclude."
            + fn + ";' at the top of the file"));
      }
    }
    if (d.rules().isEmpty()) {
      out.add(warning(path, 0, "this file holds no rule"));
      return;
    }
    List<DrlRule> causeRules = d.causeRules();
    if (!causeRules.isEmpty() && !d.hasHeaderComment()) {
      out.add(warning(path, 1, "start the file with a comment that says in plain words what the cause is, the evidence it needs, and its sources"));
    }
    // Several rules may conclude one cause (its forms: env var or file...); several causes in one file may not.
    List<String> ids = causeRules.stream().map(r -> r.id() == null ? r.name() : r.id()).distinct().toList();
    if (ids.size() > 1) {
      DrlRule second = causeRules.stream().filter(r -> ids.get(1).equals(r.id() == null ? r.name() : r.id())).findFirst().orElseThrow();
      out.add(warning(path, second.line(), "a second cause (" + ids.get(1) + ") in one file: keep one cause per file, named after its id"));
    }
    for (DrlRule r : d.rules()) {
      String where = path + ":" + r.line();
      String before = firstName.putIfAbsent(r.name(), where);
      if (before != null) {
        out.add(error(path, r.line(), "the rule name \"" + r.name() + "\" is already used at " + before + "; every rule needs its own name"));
      }
      lintRule(d, RuleCatalog.variant(d, r) ? r.inheritFrom(d.rules().stream().filter(o -> o.name().equals(r.id())).findFirst().orElseThrow()) : r,
          causes, haveList, concluded, suite, firstId, out);
    }
  }

  private static void lintRule(DrlFile d, DrlRule r, CauseList causes, boolean haveList, Set<String> concluded,
      ScenarioSuite suite, Map<String, String> firstId, List<RuleProblem> out) {
    String path = d.source().displayPath();
    String what = "rule \"" + r.name() + "\"";
    for (String key : r.metadata().keySet()) {
      if (!MetadataKey.known(key)) {
        out.add(warning(path, r.lineOf(key), what + ": unknown metadata @" + key
            + Spelling.suggestion(key, MetadataKey.keys()).replace("mean ", "mean @")
            + "; the keys are @" + String.join(", @", MetadataKey.keys())));
      }
    }
    String kind = r.kind();
    if (!Set.of("cause", "check", "ranking", "vocabulary").contains(kind)) {
      out.add(error(path, r.lineOf("kind"), what + ": @kind must be cause, check, ranking or vocabulary, not '" + kind + "'"));
      return;
    }
    if ("ranking".equals(kind) || "vocabulary".equals(kind)) {
      return;
    }
    String id = r.id();
    if (id == null || id.isBlank()) {
      out.add(error(path, r.line(), what + " has no @id: add @id(\"" + (r.name().matches("[A-Z][A-Z0-9_]*") ? r.name() : "CAUSE_ID")
          + "\") under the rule line (the cause id from " + CauseList.FILE + ")"));
    } else if (!id.matches("[A-Z][A-Z0-9_]*")) {
      out.add(error(path, r.lineOf("id"), what + ": @id must be written in UPPER_SNAKE_CASE, like SESSION_TOKEN_MISSING, not '" + id + "'"));
      id = null;
    } else if (haveList && !causes.contains(id)) {
      out.add(error(path, r.lineOf("id"), what + ": the cause id " + id + " is not on the cause list " + causes.file()
          + Spelling.suggestion(id, causes.ids()) + "; for a new cause, add a line for it there"));
      id = null; // the rest of what depends on the id would only repeat this
    }
    if (blank(r.meta("title"))) {
      out.add(error(path, r.line(), what + " has no @title(\"...\"): the one line people read first"));
    }
    if ("check".equals(kind)) {
      if (id != null && !concluded.contains(id)) {
        out.add(warning(path, r.line(), what + " checks " + id + ", but no rule in this folder concludes " + id));
      }
      if (!r.consequence().contains("conclude()")) {
        out.add(error(path, r.thenLine(), what + ": the 'then' part never calls .conclude(), so the check is never recorded"));
      }
      return;
    }
    lintCause(d, r, id, causes, haveList, suite, firstId, out);
  }

  private static void lintCause(DrlFile d, DrlRule r, String id, CauseList causes, boolean haveList, ScenarioSuite suite,
      Map<String, String> firstId, List<RuleProblem> out) {
    String path = d.source().displayPath();
    String what = "rule \"" + r.name() + "\"";
    String severity = r.meta("severity");
    try {
      Severity.parse(String.valueOf(severity));
    } catch (IllegalArgumentException e) {
      out.add(error(path, r.lineOf("severity"), what + (severity == null ? " has no @severity: add @severity(\"error\"), (\"warning\") or (\"info\")"
          : ": @severity must be error, warning or info, not '" + severity + "'")));
    }
    String confidence = r.meta("confidence");
    try {
      Confidence.parse(String.valueOf(confidence));
    } catch (IllegalArgumentException e) {
      out.add(error(path, r.lineOf("confidence"), what + (confidence == null ? " has no @confidence: add @confidence(\"high\"), (\"medium\") or (\"low\")"
          : ": @confidence must be high, medium or low, not '" + confidence + "'")));
    }
    String consequence = r.consequence();
    if (!consequence.contains("conclude()")) {
      out.add(error(path, r.thenLine(), what + ": the 'then' part never calls .conclude(), so nothing is ever reported"));
    }
    // One rule of a cause may bring the evidence and another the fix (one firing per piece of evidence).
    if (!hasFix(r) && d.causeRules().stream().noneMatch(o -> r.id() != null && r.id().equals(o.id()) && hasFix(o))) {
      out.add(error(path, r.thenLine(), what + " says nothing about the fix: add .fix(\"what to do\") and .command(\"the exact command\") before .conclude()"));
    }
    if (blank(r.meta("sources"))) {
      out.add(warning(path, r.line(), what + " has no @sources(\"https://...\"): name the public pages the knowledge comes from"));
    } else {
      for (String s : r.meta("sources").split("[\\s,]+")) {
        if (!s.isBlank() && !s.matches("https?://\\S+")) {
          out.add(warning(path, r.lineOf("sources"), what + ": the source '" + s + "' is not a link (https://...)"));
        }
      }
    }
    if (!blank(r.meta("supersedes")) && haveList) {
      for (String other : r.meta("supersedes").split("[\\s,]+")) {
        if (!other.isBlank() && !causes.contains(other)) {
          out.add(error(path, r.lineOf("supersedes"), what + ": @supersedes names " + other + ", which is not on the cause list"
              + Spelling.suggestion(other, causes.ids())));
        }
      }
    }
    if (id == null) {
      return;
    }
    String where = path + ":" + r.line();
    String before = firstId.putIfAbsent(id, where);
    if (before != null && !before.startsWith(path + ":")) {
      out.add(error(path, r.line(), what + ": the cause " + id + " is already concluded in another file, at " + before
          + "; one cause, one file (add this rule there, or give this cause its own id)"));
    }
    if (before != null) {
      return; // another form of a cause this file already concludes: the rest was checked at its first rule
    }
    final String cause = id;
    if (d.causeRules().stream().noneMatch(other -> cause.equals(other.id()) && other.name().equals(cause))) {
      out.add(warning(path, r.line(), what + ": name the rule exactly after its cause id: rule \"" + id + "\""));
    }
    if (!d.source().baseName().equals(id)) {
      out.add(error(path, r.line(), what + " concludes " + id + ", but the file is named " + d.source().baseName()
          + ".drl: name the file after the cause id (" + id + ".drl), so its scenarios and sample are found"));
    }
    causes.find(id).ifPresent(c -> {
      String folder = folderOf(d.source().relativePath());
      if (!c.section().isBlank() && !c.section().equals(folder)) {
        out.add(warning(path, 0, id + " belongs in the folder " + c.section() + "/ (its section in " + CauseList.FILE + "), not "
            + (folder.isEmpty() ? "the top of the rules folder" : folder + "/")));
      }
    });
    lintCoverage(d, r, id, suite, out);
  }

  private static boolean hasFix(DrlRule r) {
    return r.consequence().contains(".fix(") || r.consequence().contains(".command(");
  }

  private static void lintCoverage(DrlFile d, DrlRule r, String id, ScenarioSuite suite, List<RuleProblem> out) {
    String path = d.source().displayPath();
    String beside = d.source().relativePath().replaceFirst("\\.drl$", ".scenarios.json");
    List<ScenarioFile> files = suite.filesFor(id);
    if (files.isEmpty()) {
      out.add(warning(path, r.line(), id + " has no scenarios: add " + beside.substring(beside.lastIndexOf('/') + 1)
          + " beside the rule, with a positive case and a near miss (see README.md in the rules folder)"));
      return;
    }
    boolean positive = files.stream().flatMap(f -> f.scenarios().stream())
        .anyMatch(s -> s.expect() != null && s.expect().positiveIds().contains(id));
    boolean nearMiss = files.stream().flatMap(f -> f.scenarios().stream())
        .anyMatch(s -> s.expect() != null && s.expect().absent().contains(id));
    if (!positive) {
      out.add(warning(path, r.line(), id + " has no positive scenario: one whose \"expect\" says \"first\": \"" + id + "\" on its sample"));
    }
    if (!nearMiss) {
      out.add(warning(path, r.line(), id + " has no near-miss scenario: its sample with one fact changed (\"change\") and \"expect\": {\"absent\": [\"" + id + "\"]}"));
    }
  }

  /** {@code concluded} is {@code null} when it is not known (a rule file does not parse). */
  private static void lintScenarios(ScenarioFile sf, CauseList causes, boolean haveList, Set<String> concluded,
      Samples samples, List<RuleProblem> out) {
    String path = sf.path();
    String base = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.scenarios\\.json$", "");
    if (sf.rule() != null) {
      if (!sf.rule().equals(base)) {
        out.add(warning(path, 1, "\"rule\": \"" + sf.rule() + "\" differs from the file name; name the file " + sf.rule() + ".scenarios.json"));
      }
      if (haveList && !causes.contains(sf.rule())) {
        out.add(error(path, 1, "\"rule\": " + sf.rule() + " is not on the cause list" + Spelling.suggestion(sf.rule(), causes.ids())));
      } else if (concluded != null && !concluded.contains(sf.rule())) {
        out.add(warning(path, 1, "no rule in this folder concludes " + sf.rule() + " yet"));
      }
    }
    for (int i = 0; i < sf.scenarios().size(); i++) {
      Scenario s = sf.scenarios().get(i);
      int line = sf.line(i);
      Set<String> named = new LinkedHashSet<>();
      if (s.expect() != null) {
        named.addAll(s.expect().positiveIds());
        named.addAll(s.expect().absent());
        named.addAll(s.expect().checks());
      }
      for (String id : named) {
        if (haveList && !causes.contains(id)) {
          out.add(error(path, line, "scenario " + (i + 1) + " names " + id + ", which is not on the cause list" + Spelling.suggestion(id, causes.ids())));
        } else if (concluded != null && !concluded.contains(id) && !id.equals(sf.rule())) {
          out.add(warning(path, line, "scenario " + (i + 1) + " names " + id + ", which no rule concludes yet"));
        }
      }
      if (samples != null && s.bundle() != null) {
        try {
          samples.read(s.bundle());
        } catch (NoSuchFileException e) {
          out.add(error(path, line, "scenario " + (i + 1) + ": the bundle " + s.bundle() + " is not in " + samples.description()));
        } catch (IOException e) {
          out.add(error(path, line, "scenario " + (i + 1) + ": cannot read the bundle " + s.bundle() + ": " + e.getMessage()));
        }
      }
    }
  }

  /**
   * A rule whose {@code end} is missing makes the compiler complain somewhere inside the next rule; say what
   * happened, at the rule that lacks it.
   */
  static List<RuleProblem> unfinishedRules(SourceFile f) {
    List<RuleProblem> out = new ArrayList<>();
    String[] lines = f.text().split("\r?\n", -1);
    int open = 0;
    String name = null;
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("//")) {
        continue;
      }
      if (l.matches("rule\\s+\".*")) {
        if (open > 0) {
          out.add(error(f.displayPath(), open, "rule " + name + " has no 'end' before the next rule starts on line " + (i + 1)));
        }
        open = i + 1;
        name = l.replaceFirst("rule\\s+(\"[^\"]*\"?).*", "$1");
      } else if (l.equals("end") && open > 0) {
        open = 0;
      }
    }
    return out;
  }

  private static String folderOf(String relativePath) {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? "" : relativePath.substring(0, slash).toLowerCase(Locale.ROOT);
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }

  /**
   * The rules whose custom operators keep the engine from compiling any constraint (see {@link ConstraintJitting}),
   * where the line lint above has not already named the operator.
   */
  private static List<RuleProblem> uncompilableConstraints(List<String> blocking, Iterable<DrlFile> files,
      List<RuleProblem> already) {
    List<RuleProblem> out = new ArrayList<>();
    for (DrlFile d : files) {
      String path = d.source().displayPath();
      for (DrlRule r : d.rules()) {
        boolean named = already.stream().anyMatch(p -> p.file().equals(path) && p.line() >= r.line()
            && p.line() <= r.endLine() && p.message().contains(SLOWS_EVERY_RULE));
        if (blocking.contains(r.name()) && !named) {
          out.add(warning(path, r.line(), "rule \"" + r.name() + "\": a custom operator (such as str[...]) "
              + SLOWS_EVERY_RULE + ": write it with method calls or ==, <, >"));
        }
      }
    }
    return out;
  }

  /** Why a custom operator is worth a warning: measured on Drools 10.2.0, see {@link ConstraintJitting}. */
  static final String SLOWS_EVERY_RULE = "cannot be compiled by this Drools version, so no constraint of any rule is"
      + " (batch runs about a fifth slower)";

  private static final java.util.regex.Pattern STRING_OPERATOR =
      java.util.regex.Pattern.compile("\\bstr\\s*\\[\\s*(startsWith|endsWith|length)\\s*\\]");

  private static RuleProblem error(String file, int line, String message) {
    return new RuleProblem(file, line, "error", message, "");
  }

  private static RuleProblem warning(String file, int line, String message) {
    return new RuleProblem(file, line, "warning", message, "");
  }
}
