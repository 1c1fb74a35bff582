package dev.tokendoctor.diagnosis;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads one cause's template file. The format is Markdown a support engineer can edit:
 *
 * <pre>
 * # TEMP_CREDENTIALS_EXPIRED: wording        (free text before the first ## heading is a comment)
 *
 * ## evidence expiredAt
 * expired {{expiresAt}}{{#raw}} (written as {{raw}}){{/raw}}, {{since}} before this check
 *
 * ## fix deleteCache
 * Delete the expired cache file and let the CLI fetch new credentials:
 * $ rm {{cacheFile}}
 * </pre>
 *
 * Placeholders are mustache's ({@code {{name}}}; {@code {{#name}}...{{/name}}} shows its text only when the value is
 * there). Quotes, apostrophes and single braces are plain text. A literal {@code {{} is written by switching the
 * delimiters at the start of the template: {@code {{=<% %>=}}}, then placeholders are {@code <%name%>}.
 */
public final class TemplateFile {
  /** The file name suffix. */
  public static final String SUFFIX = ".templates.md";
  public static final Set<String> KINDS = Set.of("evidence", "fix", "check", "title");
  private static final Pattern HEADING = Pattern.compile("^##\\s+(\\S+)\\s+(\\S+)\\s*$");

  /** A problem with a template file, at a line. */
  public record Problem(int line, String message) {}

  /** What a file holds: its templates by name, and what is wrong with it. */
  public record Parsed(Map<String, Template> templates, List<Problem> problems) {}

  private TemplateFile() {}

  /** The compiler every template uses: plain text out (each report escapes for its format), no missing names. */
  static final Mustache.Compiler COMPILER = Mustache.compiler()
      .escapeHTML(false)
      .nullValue("")
      .strictSections(true)
      .withFormatter(TemplateFile::format);

  /** Parses {@code text}, the file {@code shownPath} of the cause {@code cause}. */
  public static Parsed parse(String cause, String shownPath, String text) {
    Map<String, Template> out = new LinkedHashMap<>();
    List<Problem> problems = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    String kind = null;
    String name = null;
    int headingLine = 0;
    List<String> body = new ArrayList<>();
    for (int i = 0; i <= lines.length; i++) {
      String line = i < lines.length ? lines[i] : null;
      boolean heading = line != null && line.startsWith("## ");
      if (line == null || heading) {
        if (name != null) {
          add(cause, shownPath, kind, name, headingLine, body, out, problems);
        }
        name = null;
        body.clear();
        if (line == null) {
          break;
        }
        Matcher m = HEADING.matcher(line);
        if (!m.matches() || !KINDS.contains(m.group(1))) {
          problems.add(new Problem(i + 1, "a heading must be '## evidence NAME', '## fix NAME', '## check NAME' or '## title NAME', not '"
              + line.strip() + "'"));
          continue;
        }
        kind = m.group(1);
        name = m.group(2);
        headingLine = i + 1;
        if (out.containsKey(name)) {
          problems.add(new Problem(i + 1, "the template '" + name + "' is already written at line " + out.get(name).line()
              + "; every template of a cause needs its own name"));
          name = null;
        }
        continue;
      }
      if (name != null && !(line.strip().startsWith("<!--") && line.strip().endsWith("-->"))) {
        body.add(line);
      }
    }
    return new Parsed(out, problems);
  }

  private static void add(String cause, String file, String kind, String name, int line, List<String> body,
      Map<String, Template> out, List<Problem> problems) {
    List<String> lines = new ArrayList<>(body);
    while (!lines.isEmpty() && lines.get(0).isBlank()) {
      lines.remove(0);
    }
    while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
      lines.remove(lines.size() - 1);
    }
    if (lines.isEmpty()) {
      problems.add(new Problem(line, "the template '" + name + "' is empty: write its text under the heading"));
      return;
    }
    String text = String.join("\n", lines);
    com.samskivert.mustache.Template compiled;
    try {
      compiled = COMPILER.compile(text);
    } catch (MustacheException e) {
      problems.add(new Problem(line, "the template '" + name + "' does not parse: " + e.getMessage()
          + " (to write a literal {{, start the template with {{=<% %>=}} and write placeholders as <%name%>)"));
      return;
    }
    Set<String> names = new LinkedHashSet<>();
    compiled.visit(new Mustache.Visitor() {
      @Override
      public void visitText(String t) {}

      @Override
      public void visitVariable(String v) {
        names.add(v);
      }

      @Override
      public boolean visitInclude(String n) {
        return false;
      }

      @Override
      public boolean visitSection(String s) {
        names.add(s);
        return true;
      }

      @Override
      public boolean visitInvertedSection(String s) {
        names.add(s);
        return true;
      }
    });
    out.put(name, new Template(cause, kind, name, file, line, out.size(), text, names, compiled));
  }

  /** How a value reads in a sentence: durations in days, hours and minutes; key descriptors by their label. */
  static String format(Object value) {
    if (value instanceof Duration d) {
      return Durations.words(d);
    }
    if (value instanceof dev.tokendoctor.facts.ValueDescriptor v) {
      return v.label();
    }
    return String.valueOf(value);
  }
}
