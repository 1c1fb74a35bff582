package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.kie.api.runtime.KieRuntime;
import org.kie.api.runtime.rule.FactHandle;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The finding of one cause while its rules fire: every firing adds its parts, and the finding in the session is
 * replaced by the merged one. Kept by the session's {@link SessionDrafts}, by cause id (a look-up, where scanning
 * the session's facts per firing cost in proportion to the tables), and forgotten when the next bundle comes.
 */
public final class CauseDraft {
  /**
   * A part one firing adds: its template's position, its place among the parts of that template ({@code .order(n)};
   * 0 when not given), the origin (evidence only), and the template with its values, rendered only when the
   * output shows it ({@link Detail}).
   */
  record Part(int position, int order, String origin, Template template, Map<String, Object> values) {}

  /** A part with its words: the one line of a piece of evidence, or the steps of a fix template. */
  private record Worded(Part part, List<String> lines) {
    int position() {
      return part.position();
    }

    int order() {
      return part.order();
    }

    String origin() {
      return part.origin();
    }
  }

  // Origins by their numbers' values ("~/.aws/credentials:2" before ":10"), as a reader goes down a file.
  private static final Comparator<Worded> ORDER = Comparator.comparingInt(Worded::position)
      .thenComparingInt(Worded::order)
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
  /** The evidence of firings that only support the finding (see {@link #add}): shown, not ranked. */
  private final List<Part> support = new ArrayList<>();
  private FactHandle finding;
  /** The finding the session holds now: without words, which {@link #worded} renders after the rules fired. */
  private Finding current;

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
   *
   * <p>{@code supporting} says the firing only adds evidence (a variant without a fix step or a title): it
   * supports the finding the other rules of its cause conclude, and concludes none by itself. Until another rule
   * of the cause fires, its evidence waits in the draft; the ranking rules never see its origins. So a knowledge
   * base without such rules ({@code batch}'s, which shows no evidence) ranks and concludes alike.
   */
  static Finding add(RuleContext kcontext, RuleMetadata meta, boolean form, boolean supporting, String title,
      String ruleFile, List<Part> evidence, List<Part> fixes) {
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
    if (supporting) {
      // nothing the ranking rules see changes: the finding in the session stays as it is
      draft.support.addAll(evidence);
      return draft.current;
    }
    draft.evidence.addAll(evidence);
    draft.fixes.addAll(fixes);
    Finding f = draft.unworded();
    draft.current = f;
    if (draft.finding == null) {
      draft.finding = rt.insert(f);
    } else {
      rt.update(draft.finding, f);
    }
    return f;
  }

  /**
   * The finding as the ranking rules see it while the rules fire: its id, title, severity, confidence, what it
   * explains and supersedes, and the origins of its evidence ({@link Finding#citesAnOriginOf}), without words.
   */
  private Finding unworded() {
    Set<Evidence> ev = new LinkedHashSet<>();
    evidence.forEach(p -> ev.add(new Evidence(p.origin(), null)));
    return new Finding(id, title != null ? title : meta.title(), Severity.parse(meta.severity()),
        Confidence.parse(meta.confidence()), meta.explains(), meta.supersedes(), List.copyOf(ev), List.of(),
        meta.sources(), ruleFile);
  }

  /** The finding the session holds now (what {@link #worded} stands for); {@code null} while only support fired. */
  Finding current() {
    return current;
  }

  /**
   * The finding with its words: evidence (with {@link Detail#FULL}) in the order of the template file, then
   * {@code .order(n)}, then origin; fix steps by template, a line several firings render alike once.
   */
  Finding worded(Detail detail) {
    Set<Evidence> ev = new LinkedHashSet<>();
    if (detail == Detail.FULL) {
      Stream.concat(evidence.stream(), support.stream()).map(CauseDraft::evidenceLine).sorted(ORDER)
          .forEach(w -> ev.add(new Evidence(w.origin(), w.lines().get(0))));
    }
    // The steps of one template stay together, in the file's order.
    TreeMap<Integer, Set<String>> byTemplate = new TreeMap<>();
    fixes.stream().map(CauseDraft::fixSteps).sorted(ORDER)
        .forEach(w -> byTemplate.computeIfAbsent(w.position(), k -> new LinkedHashSet<>()).addAll(w.lines()));
    List<String> steps = new ArrayList<>();
    byTemplate.values().forEach(steps::addAll);
    return new Finding(id, current.title(), current.severity(), current.confidence(), current.explains(),
        current.supersedes(), List.copyOf(ev), steps, current.sources(), ruleFile);
  }

  private static Worded evidenceLine(Part p) {
    return new Worded(p, List.of(CauseConclusion.oneLine(CauseConclusion.render(p.template(), p.values()))));
  }

  private static Worded fixSteps(Part p) {
    return new Worded(p, CauseConclusion.steps(CauseConclusion.render(p.template(), p.values())));
  }

  /** The digits of {@code s} from {@code from} to {@code to}, without leading zeros (one zero left of {@code 000}). */
  private static String withoutLeadingZeros(String s, int from, int to) {
    int k = from;
    while (k < to - 1 && s.charAt(k) == '0') {
      k++;
    }
    return s.substring(k, to);
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
        String na = withoutLeadingZeros(a, i, ei);
        String nb = withoutLeadingZeros(b, j, ej);
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
