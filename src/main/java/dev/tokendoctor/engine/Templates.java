package dev.tokendoctor.engine;

import dev.tokendoctor.diagnosis.Template;
import dev.tokendoctor.diagnosis.TemplateFile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads the cause template files of a rules folder ({@code <section>/<ID>.templates.md}); problems name file:line. */
final class Templates {
  private Templates() {}

  static Map<String, Map<String, Template>> load(RuleSource source, List<RuleProblem> problems) {
    Map<String, Map<String, Template>> out = new HashMap<>();
    for (SourceFile f : source.templateFiles()) {
      String cause = f.baseName();
      TemplateFile.Parsed parsed = TemplateFile.parse(cause, f.displayPath(), f.text());
      parsed.problems().forEach(p -> problems.add(new RuleProblem(f.displayPath(), p.line(), "error", p.message(), "")));
      if (out.putIfAbsent(cause, parsed.templates()) != null) {
        problems.add(new RuleProblem(f.displayPath(), 0, "error", "a second template file for " + cause
            + ": keep one, beside " + cause + ".drl", ""));
      }
    }
    return out;
  }
}
