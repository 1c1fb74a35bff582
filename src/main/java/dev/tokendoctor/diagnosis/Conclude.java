package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.RuleContext;

/**
 * What a rule's {@code then} part calls to state its conclusion. Imported into every rule file with
 * {@code import function dev.tokendoctor.diagnosis.Conclude.*}, it reads the rule's own metadata so the
 * consequence holds only the evidence and the fix:
 *
 * <pre>
 * then
 *     finding(kcontext)
 *         .evidence($c.keyIdOrigin(), "the access key id is temporary (ASIA)")
 *         .fix("Set the session token that was issued with this key:")
 *         .command("export AWS_SESSION_TOKEN=...")
 *         .conclude();
 * </pre>
 */
public final class Conclude {
  private Conclude() {}

  /** Starts the finding of the cause the running rule is about. */
  public static FindingBuilder finding(RuleContext kcontext) {
    return new FindingBuilder(kcontext);
  }

  /**
   * Starts the conclusion of a cause rule in the template style: evidence and fix steps named by template, values
   * passed by name (see {@link CauseConclusion}).
   */
  public static CauseConclusion cause(RuleContext kcontext) {
    return new CauseConclusion(kcontext);
  }

  /** Starts a check in the template style: the cause was verified not to apply (see {@link VerifiedConclusion}). */
  public static VerifiedConclusion verified(RuleContext kcontext) {
    return new VerifiedConclusion(kcontext);
  }

  /** Starts a check: the running rule verified that its cause does not apply. */
  public static CheckBuilder check(RuleContext kcontext) {
    return new CheckBuilder(kcontext);
  }

  /** Gives {@code finding} points in the ranking, with the reason shown to people. */
  public static void score(RuleContext kcontext, Finding finding, int points, String reason) {
    kcontext.getKieRuntime().insert(new Score(finding.id(), points, reason, Wording.of(kcontext).fileOf(kcontext.getRule())));
  }

  /** Records that {@code general} is explained better by {@code specific}. */
  public static void supersede(RuleContext kcontext, Finding general, Finding specific) {
    kcontext.getKieRuntime().insert(new Superseded(general.id(), specific.id()));
  }

  /** The rule's file relative to the rules folder, as the knowledge base loader named it. */
  public static String ruleFile(Rule rule) {
    if (rule instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
      return impl.getResource().getSourcePath();
    }
    return rule.getPackageName() + "/" + rule.getName();
  }

  /** Collects the evidence and the fix of one finding. */
  public static final class FindingBuilder {
    private final RuleContext kcontext;
    private final Wording wording;
    private final RuleMetadata meta;
    private final List<Evidence> evidence = new ArrayList<>();
    private final List<String> remediation = new ArrayList<>();
    private String title;

    FindingBuilder(RuleContext kcontext) {
      this.kcontext = kcontext;
      this.wording = Wording.of(kcontext);
      this.meta = wording.declaredOf(kcontext.getRule());
      this.title = meta.title();
    }

    /** Overrides {@code @title} when the title needs a value from the facts. */
    public FindingBuilder title(String title) {
      this.title = title;
      return this;
    }

    /** One piece of evidence: where it was seen, and what was seen there. */
    public FindingBuilder evidence(Object origin, String observation) {
      evidence.add(new Evidence(CauseConclusion.shown(origin), observation));
      return this;
    }

    /** One step of the fix, in plain words. */
    public FindingBuilder fix(String step) {
      remediation.add(step);
      return this;
    }

    /** One command of the fix, to copy and run. */
    public FindingBuilder command(String commandLine) {
      remediation.add("$ " + commandLine);
      return this;
    }

    /** Inserts the finding into the session, where the ranking rules see it. */
    public Finding conclude() {
      Finding f = new Finding(
          meta.id(),
          title,
          Severity.parse(meta.severity()),
          Confidence.parse(meta.confidence()),
          meta.explains(),
          meta.supersedes(),
          evidence,
          remediation,
          meta.sources(),
          wording.fileOf(kcontext.getRule()));
      kcontext.getKieRuntime().insert(f);
      return f;
    }
  }

  /** Collects the evidence of one check. */
  public static final class CheckBuilder {
    private final RuleContext kcontext;
    private final Wording wording;
    private final RuleMetadata meta;
    private final List<Evidence> evidence = new ArrayList<>();
    private String title;

    CheckBuilder(RuleContext kcontext) {
      this.kcontext = kcontext;
      this.wording = Wording.of(kcontext);
      this.meta = wording.declaredOf(kcontext.getRule());
      this.title = meta.title();
    }

    public CheckBuilder title(String title) {
      this.title = title;
      return this;
    }

    public CheckBuilder evidence(Object origin, String observation) {
      evidence.add(new Evidence(CauseConclusion.shown(origin), observation));
      return this;
    }

    public Check conclude() {
      Check c = new Check(meta.id(), title, evidence, wording.fileOf(kcontext.getRule()));
      kcontext.getKieRuntime().insert(c);
      return c;
    }
  }
}
