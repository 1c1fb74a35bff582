package dev.tokendoctor.authoring;

import dev.tokendoctor.engine.DrlFile;
import dev.tokendoctor.engine.DrlRule;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.SourceFile;
import dev.tokendoctor.engine.Tables;
import dev.tokendoctor.facts.Setting;
import dev.tokendoctor.scenario.ScenarioFiles;
import dev.tokendoctor.scenario.ScenarioSuite;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The causes a rules folder concludes, read from the rule files as written (no compiling, so it is quick and
 * works while another file is broken).
 *
 * @param entries one per cause rule, in cause-list order (unlisted ids last)
 * @param causes the cause list
 * @param unreadable rule files the parser could not read (run {@code rules check})
 * @param ruleFiles every rule file, parsed
 * @param scenarios the scenario files
 * @param settings the rows of {@code tables/settings.csv}
 */
public record RuleCatalog(
    List<CatalogEntry> entries, CauseList causes, List<String> unreadable, List<DrlFile> ruleFiles, ScenarioSuite scenarios,
    List<Setting> settings) {

  public RuleCatalog {
    entries = List.copyOf(entries);
    unreadable = List.copyOf(unreadable);
    ruleFiles = List.copyOf(ruleFiles);
  }

  public static RuleCatalog of(RuleSource source) {
    List<RuleProblem> ignored = new ArrayList<>();
    List<Setting> settings = Tables.settings(source);
    CauseList causes = CauseList.read(source, ignored);
    ScenarioSuite suite = ScenarioFiles.read(source);
    List<DrlFile> files = new ArrayList<>();
    List<String> unreadable = new ArrayList<>();
    for (SourceFile f : source.ruleFiles()) {
      DrlFile d = DrlFile.parse(f);
      files.add(d);
      if (!d.parsed()) {
        unreadable.add(f.displayPath());
      }
    }
    Map<String, String> checks = new TreeMap<>();
    files.forEach(d -> d.rules().stream().filter(r -> "check".equals(r.kind()) && r.id() != null)
        .forEach(r -> checks.putIfAbsent(r.id(), r.meta("title"))));
    List<String> order = causes.ids();
    List<CatalogEntry> entries = new ArrayList<>();
    for (DrlFile d : files) {
      for (DrlRule r : d.causeRules()) {
        if (variant(d, r)) {
          continue; // a variant of a cause (one piece of evidence, one form of the fix) is listed with its cause
        }
        String id = r.id() == null ? r.name() : r.id();
        CatalogEntry e = new CatalogEntry(id, nonNull(r.meta("title")), nonNull(r.meta("severity")), nonNull(r.meta("confidence")),
            causes.find(id).map(Cause::section).orElse(""), d.source().displayPath(), d.source().relativePath(), r.line(),
            suite.count(id), checks.get(id), words(r.meta("explains")), words(r.meta("supersedes")), words(r.meta("sources")));
        if (entries.stream().noneMatch(o -> sameForm(o, e))) {
          entries.add(e); // a form's further small rules repeat its metadata: the form is listed once, at its first rule
        }
      }
    }
    entries.sort(Comparator.comparingInt((CatalogEntry e) -> order.contains(e.id()) ? order.indexOf(e.id()) : Integer.MAX_VALUE)
        .thenComparing(CatalogEntry::id));
    return new RuleCatalog(entries, causes, unreadable, files, suite, settings);
  }

  /** A rule with its cause's @id, another name and no @title of its own: it takes its cause's metadata. */
  static boolean variant(DrlFile d, DrlRule r) {
    return r.id() != null && !r.name().equals(r.id()) && r.meta("title") == null
        && d.rules().stream().anyMatch(o -> o.name().equals(r.id()) && o.kind().equals(r.kind()));
  }

  /** Two rules of one file that declare the same form of a cause: the same title, severity, confidence and ranking. */
  private static boolean sameForm(CatalogEntry a, CatalogEntry b) {
    return a.id().equals(b.id()) && a.relativePath().equals(b.relativePath()) && a.title().equals(b.title())
        && a.severity().equals(b.severity()) && a.confidence().equals(b.confidence()) && a.explains().equals(b.explains())
        && a.supersedes().equals(b.supersedes());
  }

  /** The listed causes no rule concludes yet. */
  public List<Cause> withoutRule() {
    Set<String> have = entries.stream().map(CatalogEntry::id).collect(Collectors.toSet());
    return causes.causes().stream().filter(c -> !have.contains(c.id())).toList();
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }

  private static List<String> words(String s) {
    return s == null || s.isBlank() ? List.of() : Arrays.stream(s.strip().split("[\\s,]+")).toList();
  }
}
