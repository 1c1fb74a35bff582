package dev.tokendoctor.scenario;

import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * A cause's golden file, {@code <section>/<ID>.expected.md}: the wording of its finding on its first positive
 * scenario (the first one whose {@code expect.first} is the cause), so that a change of wording shows in review.
 * {@code rules test} fails when the rendering differs; {@code rules test --update} rewrites the file on purpose.
 */
public final class Golden {
  /** The file name suffix. */
  public static final String SUFFIX = ".expected.md";

  private Golden() {}

  /** The golden file's path beside the scenario file at {@code scenarioPath}. */
  public static String pathFor(String scenarioPath) {
    return scenarioPath.replaceFirst("\\.scenarios\\.json$", SUFFIX);
  }

  /** The index of the scenario a golden file holds for {@code file}: its first positive case; -1 for none. */
  public static int scenarioOf(ScenarioFile file) {
    if (file.rule() == null) {
      return -1;
    }
    for (int i = 0; i < file.scenarios().size(); i++) {
      Scenario s = file.scenarios().get(i);
      if (s.expect() != null && file.rule().equals(s.expect().first())) {
        return i;
      }
    }
    return -1;
  }

  /** The text of the golden file for {@code finding}, found by the scenario {@code description}. */
  public static String render(Finding finding, String description) {
    StringBuilder sb = new StringBuilder();
    sb.append("<!-- The wording of ").append(finding.id()).append(" on its scenario \"").append(description)
        .append("\". Checked by `tokendoctor rules test`; rewrite on purpose with `tokendoctor rules test --update`. -->\n\n");
    sb.append("# ").append(finding.id()).append(": ").append(finding.title()).append("\n\n");
    sb.append(finding.severity().label()).append(", ").append(finding.confidence().label()).append(" confidence\n\n");
    sb.append("## Evidence\n\n");
    for (Evidence e : finding.evidence()) {
      sb.append("- `").append(e.origin()).append("`: ").append(e.observation()).append('\n');
    }
    sb.append("\n## Fix\n\n");
    for (String step : finding.remediation()) {
      sb.append(step.startsWith("$ ") ? "      " : "- ").append(step).append('\n');
    }
    return sb.toString();
  }

  /** The lines that differ, {@code -} expected and {@code +} found, with their line numbers; empty when equal. */
  public static List<String> diff(String expected, String actual) {
    String[] a = expected.replace("\r\n", "\n").split("\n", -1);
    String[] b = actual.split("\n", -1);
    List<String> out = new ArrayList<>();
    for (int i = 0; i < Math.max(a.length, b.length); i++) {
      String x = i < a.length ? a[i] : null;
      String y = i < b.length ? b[i] : null;
      if (x == null || !x.equals(y)) {
        if (x != null) {
          out.add("line " + (i + 1) + " - " + x);
        }
        if (y != null) {
          out.add("line " + (i + 1) + " + " + y);
        }
      }
    }
    return out;
  }
}
