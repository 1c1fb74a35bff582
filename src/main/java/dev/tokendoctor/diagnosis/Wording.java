package dev.tokendoctor.diagnosis;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import org.kie.api.KieBase;
import org.kie.api.definition.rule.Rule;

/**
 * The wording of one knowledge base: every cause's templates, and each rule's metadata as it applies (a variant
 * rule takes what it leaves out from the rule named after its cause id). Registered against the compiled rules
 * when the knowledge base is built, so that a rule's {@code then} part finds it through {@code kcontext} without
 * reading metadata or files per firing.
 *
 * @param templates by cause id, then by template name
 * @param metadata by rule name
 * @param declared by rule name, each rule's metadata as written (nothing inherited): the older
 *     {@code finding(kcontext)} form reads that
 * @param files by rule name, the rule's file relative to the rules folder ({@link Conclude#ruleFile})
 */
public record Wording(Map<String, Map<String, Template>> templates, Map<String, RuleMetadata> metadata,
    Map<String, RuleMetadata> declared, Map<String, String> files) {
  private static final Map<KieBase, Wording> BY_BASE = Collections.synchronizedMap(new WeakHashMap<>());
  /** The same by compiled rule: a rule base made again from the same compiled packages shares their rules. */
  private static final Map<Rule, Wording> BY_RULE = Collections.synchronizedMap(new WeakHashMap<>());

  public Wording {
    templates = Map.copyOf(templates);
    metadata = Map.copyOf(metadata);
    declared = Map.copyOf(declared);
    files = Map.copyOf(files);
  }

  /** Wording with the metadata of each rule as it applies; the rest is read from the rules when asked. */
  public Wording(Map<String, Map<String, Template>> templates, Map<String, RuleMetadata> metadata) {
    this(templates, metadata, Map.of(), Map.of());
  }

  /** Makes {@code wording} the wording of the rules in {@code base}. */
  public static void register(KieBase base, Wording wording) {
    BY_BASE.put(base, wording);
    base.getKiePackages().forEach(p -> p.getRules().forEach(r -> BY_RULE.put(r, wording)));
  }

  /** The wording of the rules the running rule belongs to (kept by the session: see {@link SessionDrafts}). */
  public static Wording of(org.kie.api.runtime.rule.RuleContext kcontext) {
    return SessionDrafts.of(kcontext).wording;
  }

  /** {@link #of(org.kie.api.runtime.rule.RuleContext)} from the registry, for a session that keeps none yet. */
  static Wording lookUp(org.kie.api.runtime.rule.RuleContext kcontext) {
    Wording w = BY_BASE.get(kcontext.getKieRuntime().getKieBase());
    if (w == null) {
      w = BY_RULE.get(kcontext.getRule());
    }
    return w != null ? w : new Wording(Map.of(), Map.of());
  }

  /** The wording of {@code base}; none registered means no templates, and metadata read from each rule. */
  public static Wording of(KieBase base) {
    Wording w = BY_BASE.get(base);
    return w != null ? w : new Wording(Map.of(), Map.of());
  }

  /** The metadata of {@code rule} as written, read once per knowledge base. */
  public RuleMetadata declaredOf(Rule rule) {
    RuleMetadata m = declared.get(rule.getName());
    return m != null ? m : RuleMetadata.of(rule);
  }

  /** The file of {@code rule}, relative to the rules folder. */
  public String fileOf(Rule rule) {
    String f = files.get(rule.getName());
    return f != null ? f : Conclude.ruleFile(rule);
  }

  /** The metadata of {@code rule} as it applies. */
  public RuleMetadata metadataOf(Rule rule) {
    RuleMetadata m = metadata.get(rule.getName());
    return m != null ? m : RuleMetadata.of(rule);
  }

  /**
   * {@code rule} states a form of its cause: it is the rule named after the cause id, or it declares its own
   * {@code @title}, {@code @severity} or {@code @confidence}. A variant (only {@code @id}) adds evidence or a fix step to whichever form fired.
   */
  public boolean statesForm(Rule rule) {
    RuleMetadata m = metadata.get(rule.getName());
    Map<String, Object> declared = rule.getMetaData();
    return m == null || rule.getName().equals(m.id()) || declared.containsKey("title") || declared.containsKey("severity")
        || declared.containsKey("confidence");
  }

  /** The template {@code name} of {@code cause}; fails with the file to write it in when there is none. */
  public Template template(String cause, String name, String kind) {
    Map<String, Template> of = templates.getOrDefault(cause, Map.of());
    Template t = of.get(name);
    if (t == null) {
      throw new IllegalStateException("no template '" + name + "' for " + cause + ": write '## " + kind + " " + name
          + "' in " + cause + TemplateFile.SUFFIX);
    }
    if (!t.kind().equals(kind)) {
      throw new IllegalStateException(t.where() + ": the template '" + name + "' is a " + t.kind() + " template, used as " + kind);
    }
    return t;
  }
}
