package dev.tokendoctor.authoring;

import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.SourceFile;
import dev.tokendoctor.engine.Tables;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cause ids the rules may conclude: {@code causes.csv} at the top of the rules folder, a copy of the
 * catalog's ids kept beside the rules so that adding a cause is adding a line and a rule file, with no build.
 *
 * @param file the list's file as shown to people
 * @param causes the causes, in file order
 */
public record CauseList(String file, List<Cause> causes) {
  /** The list's name inside a rules folder. */
  public static final String FILE = "causes.csv";

  public CauseList {
    causes = List.copyOf(causes);
  }

  /**
   * Reads the list of {@code source}. Problems (a missing file, a bad line) go to {@code problems}; the lines
   * that could be read are kept.
   */
  public static CauseList read(RuleSource source, List<RuleProblem> problems) {
    Optional<SourceFile> found = source.files().stream().filter(f -> f.relativePath().equals(FILE)).findFirst();
    if (found.isEmpty()) {
      problems.add(new RuleProblem(source.description() + "/" + FILE, 0, "error",
          "the cause list is missing: every rules folder needs " + FILE + " (columns id,section,title) naming the cause ids its rules may use", ""));
      return new CauseList(source.description() + "/" + FILE, List.of());
    }
    SourceFile f = found.get();
    Map<String, Cause> byId = new LinkedHashMap<>();
    Map<String, Integer> column = null;
    String[] lines = f.text().split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int no = i + 1;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> cells;
      try {
        cells = Tables.splitCsv(line).stream().map(String::strip).toList();
      } catch (IllegalArgumentException e) {
        problems.add(new RuleProblem(f.displayPath(), no, "error", e.getMessage(), ""));
        continue;
      }
      if (column == null) {
        column = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
          column.put(cells.get(c), c);
        }
        if (!column.containsKey("id") || !column.containsKey("section") || !column.containsKey("title")) {
          problems.add(new RuleProblem(f.displayPath(), no, "error", "the first line must name the columns: id,section,title", ""));
          return new CauseList(f.displayPath(), List.of());
        }
        continue;
      }
      String id = cell(cells, column.get("id"));
      if (!id.matches("[A-Z][A-Z0-9_]*")) {
        problems.add(new RuleProblem(f.displayPath(), no, "error",
            "'" + id + "' is not a cause id: ids are UPPER_SNAKE_CASE, like SESSION_TOKEN_MISSING", ""));
        continue;
      }
      Cause cause = new Cause(id, cell(cells, column.get("section")), cell(cells, column.get("title")), no);
      Cause before = byId.putIfAbsent(id, cause);
      if (before != null) {
        problems.add(new RuleProblem(f.displayPath(), no, "error", id + " is listed twice (first on line " + before.line() + ")", ""));
      }
    }
    return new CauseList(f.displayPath(), new ArrayList<>(byId.values()));
  }

  public Optional<Cause> find(String id) {
    return causes.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public boolean contains(String id) {
    return find(id).isPresent();
  }

  public List<String> ids() {
    return causes.stream().map(Cause::id).toList();
  }

  private static String cell(List<String> cells, int at) {
    return at < cells.size() ? cells.get(at) : "";
  }
}
