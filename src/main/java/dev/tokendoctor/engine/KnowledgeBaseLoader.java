package dev.tokendoctor.engine;

import dev.tokendoctor.diagnosis.Conclude;
import dev.tokendoctor.diagnosis.Confidence;
import dev.tokendoctor.diagnosis.RuleMetadata;
import dev.tokendoctor.diagnosis.Severity;
import dev.tokendoctor.diagnosis.Wording;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.Resource;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.conf.ConstraintJittingThresholdOption;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.conf.PropertySpecificOption;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * Compiles a {@link RuleSource} into a {@link KnowledgeBase} and refuses one that cannot work: rules that do
 * not compile, rules without the metadata a finding needs, tables that do not parse, or a folder that yields
 * no rules at all. Every refusal names the file and line.
 */
public final class KnowledgeBaseLoader {
  private KnowledgeBaseLoader() {}

  /** Compiles and checks; on any error, throws with every problem found. */
  public static KnowledgeBase load(RuleSource source) throws RulesException {
    List<RuleProblem> problems = new ArrayList<>();
    KnowledgeBase kb = compile(source, problems);
    List<RuleProblem> errors = problems.stream().filter(RuleProblem::error).toList();
    if (!errors.isEmpty()) {
      throw new RulesException(errors);
    }
    return kb;
  }

  /**
   * Compiles what compiles and reports every problem (errors and warnings) into {@code problems}. Returns
   * {@code null} when the rules do not compile at all.
   */
  public static KnowledgeBase compile(RuleSource source, List<RuleProblem> problems) {
    Collection<KiePackage> packages = compilePackages(source, source.ruleFiles(), problems);
    List<Object> tables = Tables.load(source.tableFiles(), problems);
    if (packages == null) {
      return null;
    }
    InternalKnowledgeBase kieBase = newKieBase(packages);
    return describe(source, kieBase, tables, problems);
  }

  /**
   * A rule base of {@code packages} with the engine options every knowledge base of ours uses. Constraint
   * compiling (jitting) is on unless a rule needs it off: see {@link ConstraintJitting}.
   */
  static InternalKnowledgeBase newKieBase(Collection<KiePackage> packages) {
    return newKieBase(packages, ConstraintJitting.threshold(packages));
  }

  /** A rule base of {@code packages} whose constraints are compiled after {@code jittingThreshold} evaluations. */
  static InternalKnowledgeBase newKieBase(Collection<KiePackage> packages, int jittingThreshold) {
    KieBaseConfiguration conf = KieServices.get().newKieBaseConfiguration();
    conf.setOption(ConstraintJittingThresholdOption.get(jittingThreshold));
    InternalKnowledgeBase kieBase = KnowledgeBaseFactory.newKnowledgeBase(conf);
    kieBase.addPackages(packages);
    return kieBase;
  }

  /**
   * Compiles {@code ruleFiles} (of {@code source}) into packages, reporting the compiler's errors into
   * {@code problems}; {@code null} when they do not compile.
   */
  static Collection<KiePackage> compilePackages(RuleSource source, List<SourceFile> ruleFiles,
      List<RuleProblem> problems) {
    Map<String, SourceFile> byPath = new HashMap<>();
    // Facts are immutable records that rules never modify, so property reactivity buys nothing; turning it
    // off also silences its warnings about constraints that join two patterns.
    KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
    conf.setOption(PropertySpecificOption.ALLOWED);
    KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
    // All files in one batch: the Java parts of every rule are then compiled in one compiler run, not one a file.
    CompositeKnowledgeBuilder batch = builder.batch();
    for (SourceFile f : ruleFiles) {
      byPath.put(f.relativePath(), f);
      Resource r = ResourceFactory.newByteArrayResource(f.text().getBytes(StandardCharsets.UTF_8));
      r.setSourcePath(f.relativePath());
      r.setResourceType(ResourceType.DRL);
      batch.add(r, ResourceType.DRL);
    }
    batch.build();
    Set<String> seen = new LinkedHashSet<>();
    for (KnowledgeBuilderError e : builder.getErrors()) {
      String original = e.getMessage() == null ? "" : e.getMessage();
      if (DroolsMessages.isNoise(original)) {
        continue;
      }
      String rel = e.getResource() == null ? null : e.getResource().getSourcePath();
      SourceFile f = rel == null ? null : byPath.get(rel);
      String shown = f != null ? f.displayPath() : source.description();
      int[] lines = e.getLines();
      int line = lines != null && lines.length > 0 ? Math.max(0, lines[0]) : 0;
      RuleProblem p = new RuleProblem(shown, line, "error", DroolsMessages.translate(original), original.strip());
      if (seen.add(p.format())) {
        problems.add(p);
      }
    }
    return builder.hasErrors() ? null : builder.getKnowledgePackages();
  }

  /**
   * Wraps compiled rules into a {@link KnowledgeBase}: reads every rule's metadata and checks it. Shared by a
   * fresh compile and by a knowledge base read back from compiled packages, so both describe and refuse alike.
   */
  static KnowledgeBase describe(RuleSource source, InternalKnowledgeBase kieBase, List<Object> tables,
      List<RuleProblem> problems) {
    List<SourceFile> ruleFiles = source.ruleFiles();
    Map<String, SourceFile> byPath = new HashMap<>();
    ruleFiles.forEach(f -> byPath.put(f.relativePath(), f));
    List<RuleInfo> rules = new ArrayList<>();
    // A variant rule of a cause (same @id, another name) takes the metadata it leaves out from the rule named
    // after the id, so that one cause's small rules need not repeat its title, severity and sources.
    Map<String, RuleMetadata> leads = new HashMap<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        RuleMetadata meta = RuleMetadata.of(rule);
        if (meta.id() != null && meta.id().equals(rule.getName())) {
          leads.put(meta.id(), meta);
        }
      }
    }
    Map<String, RuleMetadata> effective = new HashMap<>();
    Map<String, RuleMetadata> declared = new HashMap<>();
    Map<String, String> files = new HashMap<>();
    for (KiePackage pkg : kieBase.getKiePackages()) {
      for (Rule rule : pkg.getRules()) {
        String rel = Conclude.ruleFile(rule);
        SourceFile f = byPath.get(rel);
        String shown = f != null ? f.displayPath() : rel;
        RuleMetadata meta = RuleMetadata.of(rule);
        declared.put(rule.getName(), meta);
        files.put(rule.getName(), rel);
        RuleMetadata lead = meta.id() == null ? null : leads.get(meta.id());
        if (lead != null && meta.kind().equals(lead.kind())) {
          meta = meta.inheritFrom(lead, rule.getMetaData().keySet());
        }
        effective.put(rule.getName(), meta);
        checkMetadata(rule, meta, shown, f, problems);
        rules.add(new RuleInfo(rule.getName(), shown, meta));
      }
    }
    Wording.register(kieBase, new Wording(Templates.load(source, problems), effective, declared, files));
    rules.sort(Comparator.comparing(RuleInfo::file).thenComparing(RuleInfo::name));
    if (rules.isEmpty() && !ruleFiles.isEmpty()) {
      problems.add(new RuleProblem(source.description(), 0, "error",
          ruleFiles.size() + " rule files were read but no rule was loaded from them", ""));
    }
    if (ruleFiles.isEmpty()) {
      problems.add(new RuleProblem(source.description(), 0, "error", "no rule files (*.drl) found", ""));
    }
    return new KnowledgeBase(source, kieBase, rules, tables);
  }

  private static void checkMetadata(Rule rule, RuleMetadata meta, String shown, SourceFile f, List<RuleProblem> out) {
    int line = f == null ? 0 : lineOf(f.text(), "rule \"" + rule.getName() + "\"");
    String what = "rule \"" + rule.getName() + "\"";
    if (!Set.of("cause", "check", "ranking", "vocabulary").contains(meta.kind())) {
      out.add(new RuleProblem(shown, line, "error", what + ": @kind must be cause, check, ranking or vocabulary, not '" + meta.kind() + "'", ""));
      return;
    }
    if ("ranking".equals(meta.kind()) || "vocabulary".equals(meta.kind())) {
      return;
    }
    if (meta.id() == null || meta.id().isBlank()) {
      out.add(new RuleProblem(shown, line, "error", what + ": missing @id(\"CAUSE_ID\")", ""));
    } else if (!meta.id().matches("[A-Z][A-Z0-9_]*")) {
      out.add(new RuleProblem(shown, line, "error", what + ": @id must be UPPER_SNAKE_CASE, not '" + meta.id() + "'", ""));
    }
    if (meta.title() == null || meta.title().isBlank()) {
      out.add(new RuleProblem(shown, line, "error", what + ": missing @title(\"...\")", ""));
    }
    if (meta.cause()) {
      try {
        Severity.parse(String.valueOf(meta.severity()));
      } catch (IllegalArgumentException e) {
        out.add(new RuleProblem(shown, line, "error", what + ": @severity must be error, warning or info"
            + (meta.severity() == null ? " (it is missing)" : ", not '" + meta.severity() + "'"), ""));
      }
      try {
        Confidence.parse(String.valueOf(meta.confidence()));
      } catch (IllegalArgumentException e) {
        out.add(new RuleProblem(shown, line, "error", what + ": @confidence must be high, medium or low"
            + (meta.confidence() == null ? " (it is missing)" : ", not '" + meta.confidence() + "'"), ""));
      }
    }
  }

  /** The 1-based line where {@code needle} first appears, or 0. */
  static int lineOf(String text, String needle) {
    int at = text.indexOf(needle);
    if (at < 0) {
      return 0;
    }
    int line = 1;
    for (int i = 0; i < at; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
