package dev.tokendoctor.diagnosis;

import com.samskivert.mustache.MustacheException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The {@code then} part of a cause rule in the template style: one chain that names its evidence and its fix
 * steps by template and passes values by name.
 *
 * <pre>
 * then
 *     cause(kcontext)
 *         .evidence("expiredAt", $e.origin(), "expiresAt", $e.expiresAt(), "since", $e.since())
 *         .fix("deleteCache", "cacheFile", $e.cacheFile())
 *         .conclude();
 * </pre>
 *
 * Each firing adds to one finding per cause: the firings of a cause's rules (one per piece of evidence, one per
 * variant of the fix) are merged, evidence and fix steps are listed in the order of the cause's template file,
 * and a step or command that several firings render alike is listed once.
 */
public final class CauseConclusion {
  // Compiled once: String.split compiles a pattern of more than one character on every call.
  private static final Pattern LINE_BREAK = Pattern.compile("\\s*\r?\n\\s*");
  private static final Pattern NEWLINE = Pattern.compile("\r?\n");

  private final RuleContext kcontext;
  private final Wording wording;
  private final RuleMetadata meta;
  private final List<CauseDraft.Part> evidence = new ArrayList<>();
  private final List<CauseDraft.Part> fixes = new ArrayList<>();
  private String title;
  /** The rule states a form of the cause (its own {@code @title}), not a variant that takes the lead rule's. */
  private final boolean form;

  CauseConclusion(RuleContext kcontext) {
    this.kcontext = kcontext;
    this.wording = Wording.of(kcontext);
    this.meta = wording.metadataOf(kcontext.getRule());
    this.form = wording.statesForm(kcontext.getRule());
  }

  /**
   * One piece of evidence: the template {@code template} of this cause, seen at {@code origin}, with its
   * placeholders' values given as name, value, name, value... The origin is a fact's
   * {@link dev.tokendoctor.facts.Origin} (or, in rules written before it, its shown text); reports show its text.
   */
  public CauseConclusion evidence(String template, Object origin, Object... namesAndValues) {
    Template t = wording.template(meta.id(), template, "evidence");
    evidence.add(new CauseDraft.Part(t.position(), 0, shown(origin), t, values(t, namesAndValues)));
    return this;
  }

  /**
   * Lists the evidence just given at place {@code n} among the evidence of its template (a chain's providers in
   * the order the chain tried them), instead of by origin.
   */
  public CauseConclusion order(int n) {
    CauseDraft.Part last = evidence.remove(evidence.size() - 1);
    evidence.add(new CauseDraft.Part(last.position(), n, last.origin(), last.template(), last.values()));
    return this;
  }

  /** One step of the fix, with its commands: the template {@code template}, values given as name, value... */
  public CauseConclusion fix(String template, Object... namesAndValues) {
    Template t = wording.template(meta.id(), template, "fix");
    fixes.add(new CauseDraft.Part(t.position(), 0, null, t, values(t, namesAndValues)));
    return this;
  }

  /**
   * A title naming this firing's values (the template {@code ## title NAME}), in place of the rule's
   * {@code @title}; the title of the form of the cause that gives the finding its severity is shown.
   */
  public CauseConclusion title(String template, Object... namesAndValues) {
    title = oneLine(render(wording.template(meta.id(), template, "title"), namesAndValues));
    return this;
  }

  /** Adds this firing to the cause's finding, which the ranking rules then see. */
  public Finding conclude() {
    boolean supporting = !form && fixes.isEmpty() && title == null;
    return CauseDraft.add(kcontext, meta, form, supporting, title, wording.fileOf(kcontext.getRule()), evidence, fixes);
  }

  static String render(Template t, Object[] namesAndValues) {
    return render(t, values(t, namesAndValues));
  }

  /**
   * The values given as name, value, name, value..., checked when the rule fires (the words themselves are
   * rendered when the output needs them: see {@link Detail}).
   */
  static Map<String, Object> values(Template t, Object[] namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(t.where() + ": values are given as pairs (\"name\", value), but "
          + namesAndValues.length + " arguments were passed");
    }
    Map<String, Object> values = new HashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (!(namesAndValues[i] instanceof String name)) {
        throw new IllegalArgumentException(t.where() + ": argument " + (i + 1) + " must be a placeholder's name in quotes");
      }
      values.put(name, namesAndValues[i + 1]);
    }
    return values;
  }

  static String render(Template t, Map<String, Object> values) {
    try {
      return t.compiled().execute(values);
    } catch (MustacheException e) {
      throw new IllegalStateException(t.where() + ": template '" + t.name() + "': " + e.getMessage(), e);
    }
  }

  /** Evidence is one sentence: the template's lines are joined. */
  static String oneLine(String rendered) {
    return String.join(" ", LINE_BREAK.split(rendered.strip()));
  }

  /**
   * A fix template's lines: a line starting with {@code $ } is a command; the lines between blank lines and
   * commands form one step.
   */
  static List<String> steps(String rendered) {
    List<String> out = new ArrayList<>();
    StringBuilder step = new StringBuilder();
    for (String line : NEWLINE.split(rendered)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("$ ")) {
        if (!step.isEmpty()) {
          out.add(step.toString());
          step.setLength(0);
        }
        if (!l.isEmpty()) {
          out.add(l);
        }
      } else {
        step.append(step.isEmpty() ? "" : " ").append(l);
      }
    }
    if (!step.isEmpty()) {
      out.add(step.toString());
    }
    return out;
  }

  /** An origin as reports show it: an {@code Origin}'s display form, a text as it is; {@code null} stays null. */
  static String shown(Object origin) {
    return origin == null ? null : origin.toString();
  }
}
