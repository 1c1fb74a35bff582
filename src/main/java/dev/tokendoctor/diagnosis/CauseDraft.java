package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The finding of one cause while its rules fire: every firing adds its parts, and the finding in the session is
 * replaced by the merged one. Kept in the session beside the finding (no rule matches it), so it is gone with the
 * session's other facts when the next bundle comes.
 */
public final class CauseDraft {
  /** A part one firing adds: its template's position, the origin (evidence only) and the rendered lines. */
  record Part(int position, String origin, List<String> lines) {}

  private static final Comparator<Part> ORDER = Comparator.comparingInt(Part::position)
      .thenComparing(p -> p.origin() == null ? "" : p.origin())
      .thenComparing(p -> String.join("\n", p.lines()));

  private final String id;
  private RuleMetadata meta;
  /** The metadata came from a form of the cause (a rule declaring its own title, severity or confidence). */
  private boolean decided;
  private String title;
  private final String ruleFile;
  private final List<Part> evidence = new ArrayList<>();
  private final List<Part> fixes = new ArrayList<>();
  private FactHandle finding;

  private CauseDraft(String id, RuleMetadata meta, String ruleFile) {
    this.id = id;
    this.meta = meta;
    this.ruleFile = ruleFile;
  }

  /**
   * Adds one firing. {@code form} says the firing's rule declares its own {@code @title}, {@code @severity} or
   * {@code @confidence} (the rule named after the cause id always does): such a form of the cause decides the
   * finding's title, severity and confidence. A variant that declares none only adds evidence and fix steps,
   * whichever order the rules fire in; when no form fires, the rule named after the id speaks for it.
   */
  static Finding add(RuleContext kcontext, RuleMetadata meta, boolean form, String title, String ruleFile,
      List<Part> evidence, List<Part> fixes) {
    KieRuntime rt = kcontext.getKieRuntime();
    CauseDraft draft = null;
    for (Object o : rt.getObjects(o -> o instanceof CauseDraft d && d.id.equals(meta.id()))) {
      draft = (CauseDraft) o;
    }
    boolean fresh = draft == null;
    if (fresh) {
      draft = new CauseDraft(meta.id(), meta, ruleFile);
      draft.title = title;
      draft.decided = form;
    } else if (form && !draft.decided) {
      draft.meta = meta;
      draft.title = title;
      draft.decided = true;
    } else if (form == draft.decided && Severity.parse(meta.severity()).compareTo(Severity.parse(draft.meta.severity())) < 0) {
      draft.meta = meta; // the strongest form of the cause gives the title and severity, as the ranking does
      draft.title = title;
    } else if (draft.title == null && title != null
        && Severity.parse(meta.severity()).compareTo(Severity.parse(draft.meta.severity())) == 0) {
      draft.title = title;
    }
    draft.evidence.addAll(evidence);
    draft.fixes.addAll(fixes);
    Finding f = draft.finding();
    if (fresh) {
      draft.finding = rt.insert(f);
      rt.insert(draft);
    } else {
      rt.update(draft.finding, f);
    }
    return f;
  }

  private Finding finding() {
    Set<Evidence> ev = new LinkedHashSet<>();
    evidence.stream().sorted(ORDER).forEach(p -> ev.add(new Evidence(p.origin(), p.lines().get(0))));
    // The steps of one template stay together, in the file's order; a line several firings render alike once.
    TreeMap<Integer, Set<String>> byTemplate = new TreeMap<>();
    fixes.stream().sorted(ORDER).forEach(p -> byTemplate.computeIfAbsent(p.position(), k -> new LinkedHashSet<>()).addAll(p.lines()));
    List<String> steps = new ArrayList<>();
    byTemplate.values().forEach(steps::addAll);
    return new Finding(id, title != null ? title : meta.title(), Severity.parse(meta.severity()), Confidence.parse(meta.confidence()),
        meta.explains(), meta.supersedes(), List.copyOf(ev), steps, meta.sources(), ruleFile);
  }
}
