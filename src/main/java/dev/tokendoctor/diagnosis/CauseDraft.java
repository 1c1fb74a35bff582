package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The finding of one cause while its rules fire: every firing adds its parts, and the finding in the session is
 * replaced by the merged one. Kept by the session's {@link SessionDrafts}, by cause id (a look-up, where scanning
 * the session's facts per firing cost in proportion to the tables), and forgotten when the next bundle comes.
 */
public final class CauseDraft {
  /** A part one firing adds: its template's position, the origin (evidence only) and the rendered lines. */
  record Part(int position, int order, String origin, List<String> lines) {
    Part(int position, String origin, List<String> lines) {
      this(position, 0, origin, lines);
    }
  }

  // Origins by their numbers' values ("~/.aws/credentials:2" before ":10"), as a reader goes down a file.
  private static final Comparator<Part> ORDER = Comparator.comparingInt(Part::position).thenComparingInt(Part::order)
      .thenComparing(p -> p.origin() == null ? "" : p.origin(), CauseDraft::naturally)
      .thenComparing(p -> String.join("\n", p.lines()), CauseDraft::naturally);

  private final String id;
  private RuleMetadata meta;
  /** {@link #meta} is a form's own (see {@link Wording#statesForm}), not one a variant took from the lead rule. */
  private boolean formMeta;
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
    Map<String, CauseDraft> drafts = SessionDrafts.of(kcontext).byCause;
    CauseDraft draft = drafts.get(meta.id());
    boolean fresh = draft == null;
    int stronger = fresh ? 0 : Severity.parse(meta.severity()).compareTo(Severity.parse(draft.meta.severity()));
    if (fresh) {
      draft = new CauseDraft(meta.id(), meta, ruleFile);
      draft.formMeta = form;
      draft.title = title;
      drafts.put(meta.id(), draft);
    } else if (form && !draft.formMeta) {
      // a form of the cause decides the title, severity and confidence over a variant that fired first with the
      // lead rule's metadata, whichever order they fire in
      draft.meta = meta;
      draft.title = title;
      draft.formMeta = true;
    } else if (form == draft.formMeta && stronger < 0) {
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

  /** Compares texts with their runs of digits compared by value: {@code line 2} before {@code line 10}. */
  static int naturally(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      char x = a.charAt(i);
      char y = b.charAt(j);
      if (Character.isDigit(x) && Character.isDigit(y)) {
        int ei = i;
        int ej = j;
        while (ei < a.length() && Character.isDigit(a.charAt(ei))) {
          ei++;
        }
        while (ej < b.length() && Character.isDigit(b.charAt(ej))) {
          ej++;
        }
        String na = a.substring(i, ei).replaceFirst("^0+(?=.)", "");
        String nb = b.substring(j, ej).replaceFirst("^0+(?=.)", "");
        int c = na.length() != nb.length() ? Integer.compare(na.length(), nb.length()) : na.compareTo(nb);
        if (c != 0) {
          return c;
        }
        i = ei;
        j = ej;
      } else {
        if (x != y) {
          return Character.compare(x, y);
        }
        i++;
        j++;
      }
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
