package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.List;
import org.kie.api.runtime.rule.RuleContext;

/** The {@code then} part of a check rule in the template style: {@code verified(kcontext).evidence(...).conclude()}. */
public final class VerifiedConclusion {
  private final RuleContext kcontext;
  private final Wording wording;
  private final RuleMetadata meta;
  private final List<Evidence> evidence = new ArrayList<>();

  VerifiedConclusion(RuleContext kcontext) {
    this.kcontext = kcontext;
    this.wording = Wording.of(kcontext);
    this.meta = wording.metadataOf(kcontext.getRule());
  }

  /** What shows the cause does not apply: the {@code check} template {@code template}, values by name. */
  public VerifiedConclusion evidence(String template, Object origin, Object... namesAndValues) {
    Template t = wording.template(meta.id(), template, "check");
    evidence.add(new Evidence(CauseConclusion.shown(origin), CauseConclusion.oneLine(CauseConclusion.render(t, namesAndValues))));
    return this;
  }

  public Check conclude() {
    Check c = new Check(meta.id(), meta.title(), evidence, wording.fileOf(kcontext.getRule()));
    kcontext.getKieRuntime().insert(c);
    return c;
  }
}
