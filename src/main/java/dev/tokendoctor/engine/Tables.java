package dev.tokendoctor.engine;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.tokendoctor.facts.CredentialLifetime;
import dev.tokendoctor.facts.EmptyTokenClient;
import dev.tokendoctor.facts.PartitionInfo;
import dev.tokendoctor.facts.LoginTool;
import dev.tokendoctor.facts.RegionInfo;
import dev.tokendoctor.facts.Setting;
import dev.tokendoctor.facts.TokenLengthLimit;
import dev.tokendoctor.facts.ToolDefect;
import dev.tokendoctor.facts.UniqueIdPrefix;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reference tables the support team keeps as CSV under {@code rules/tables/}: regions, partitions, known
 * client defects, credential lifetimes, the lengths at which tools cut tokens, how clients treat an empty
 * token. Each row becomes a fact the rules can join with. The first line names the columns after the fact's
 * fields; a line starting with {@code #} is a comment.
 */
public final class Tables {
  /** Which fact each table's rows become. Adding a table kind is the one change here that needs Java. */
  static final Map<String, Class<? extends Record>> KINDS = Map.of(
      "regions", RegionInfo.class,
      "partitions", PartitionInfo.class,
      "tool-defects", ToolDefect.class,
      "credential-lifetimes", CredentialLifetime.class,
      "token-length-limits", TokenLengthLimit.class,
      "empty-token-clients", EmptyTokenClient.class,
      "settings", Setting.class,
      "login-tools", LoginTool.class,
      "unique-id-prefixes", UniqueIdPrefix.class);

  private Tables() {}

  /** The table names ({@code regions}) and the fact each row becomes, for the authoring reference. */
  public static Map<String, Class<? extends Record>> kinds() {
    return KINDS;
  }

  /** The rows of {@code tables/settings.csv} in {@code source}, in file order; a row that does not read is left out. */
  public static List<Setting> settings(RuleSource source) {
    List<RuleProblem> ignored = new ArrayList<>();
    List<Setting> out = new ArrayList<>();
    source.tableFiles().stream().filter(f -> f.baseName().equals("settings"))
        .forEach(f -> read(f, Setting.class, ignored).forEach(o -> out.add((Setting) o)));
    return out;
  }

  /** Reads every table file into facts; problems are reported as {@code file:line} in plain words. */
  static List<Object> load(List<SourceFile> files, List<RuleProblem> problems) {
    List<Object> rows = new ArrayList<>();
    for (SourceFile f : files) {
      Class<? extends Record> kind = KINDS.get(f.baseName());
      if (kind == null) {
        problems.add(new RuleProblem(f.displayPath(), 0, "error",
            "unknown table; known tables are " + String.join(", ", KINDS.keySet().stream().sorted().toList()), ""));
        continue;
      }
      rows.addAll(read(f, kind, problems));
    }
    return rows;
  }

  private static List<Object> read(SourceFile f, Class<? extends Record> kind, List<RuleProblem> problems) {
    List<Object> rows = new ArrayList<>();
    RecordComponent[] comps = kind.getRecordComponents();
    Constructor<?> ctor;
    try {
      ctor = kind.getDeclaredConstructor(Arrays.stream(comps).map(RecordComponent::getType).toArray(Class[]::new));
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException(e);
    }
    String[] lines = f.text().split("\r?\n", -1);
    int[] columnOf = null;
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int lineNo = i + 1;
      if (line.isBlank() || line.stripLeading().startsWith("#")) {
        continue;
      }
      List<String> cells;
      try {
        cells = splitCsv(line);
      } catch (IllegalArgumentException e) {
        problems.add(new RuleProblem(f.displayPath(), lineNo, "error", e.getMessage(), ""));
        continue;
      }
      if (columnOf == null) {
        columnOf = new int[comps.length];
        Map<String, Integer> header = new HashMap<>();
        for (int c = 0; c < cells.size(); c++) {
          header.put(cells.get(c).trim(), c);
        }
        for (int c = 0; c < comps.length; c++) {
          Integer at = header.get(comps[c].getName());
          if (at == null) {
            problems.add(new RuleProblem(f.displayPath(), lineNo, "error",
                "the header lacks the column '" + comps[c].getName() + "'", ""));
            return rows;
          }
          columnOf[c] = at;
        }
        continue;
      }
      Object[] args = new Object[comps.length];
      boolean ok = true;
      for (int c = 0; c < comps.length && ok; c++) {
        String cell = columnOf[c] < cells.size() ? cells.get(columnOf[c]).trim() : "";
        try {
          args[c] = convert(cell, comps[c].getType());
        } catch (IllegalArgumentException e) {
          problems.add(new RuleProblem(f.displayPath(), lineNo, "error",
              "column '" + comps[c].getName() + "': " + e.getMessage(), ""));
          ok = false;
        }
      }
      if (ok) {
        try {
          rows.add(ctor.newInstance(args));
        } catch (ReflectiveOperationException e) {
          problems.add(new RuleProblem(f.displayPath(), lineNo, "error", "row cannot be read: " + e, ""));
        }
      }
    }
    return rows;
  }

  private static Object convert(String cell, Class<?> type) {
    if (type == String.class) {
      return cell;
    }
    if (type == boolean.class || type == Boolean.class) {
      return switch (cell.toLowerCase(Locale.ROOT)) {
        case "true", "yes" -> true;
        case "false", "no" -> false;
        default -> throw new IllegalArgumentException("expected true or false, got '" + cell + "'");
      };
    }
    if (type == long.class || type == Long.class || type == int.class || type == Integer.class) {
      try {
        long v = Long.parseLong(cell);
        return type == int.class || type == Integer.class ? (Object) (int) v : (Object) v;
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("expected a whole number, got '" + cell + "'");
      }
    }
    throw new IllegalArgumentException("unsupported column type " + type.getSimpleName());
  }

  /** One line of a table, read by jackson-dataformat-csv: spaces around cells dropped, quotes protect commas. */
  private static final ObjectReader CSV_LINE = new CsvMapper().readerForArrayOf(String.class)
      .with(CsvParser.Feature.WRAP_AS_ARRAY).with(CsvParser.Feature.TRIM_SPACES);

  /**
   * Splits one CSV line into its cells: double quotes protect commas, and {@code ""} inside them is a quote. A
   * table row is one line (a row never continues on the next one, so every message names its line).
   *
   * @throws IllegalArgumentException when the line does not read as CSV (a quote left open), in plain words
   */
  public static List<String> splitCsv(String line) {
    try (MappingIterator<String[]> it = CSV_LINE.readValues(line)) {
      return it.hasNext() ? List.of(it.next()) : List.of("");
    } catch (IOException | RuntimeException e) {
      String why = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException("not a CSV line: " + (why.startsWith("Missing closing quote")
          ? "a double quote is opened and not closed (write a quote inside a quoted cell as \"\")" : why));
    }
  }
}
