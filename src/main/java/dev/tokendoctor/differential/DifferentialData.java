package dev.tokendoctor.differential;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.engine.SourceFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The differential's knowledge, as the support team keeps it in {@code rules/differential/}: {@code priors.csv}
 * (error, cause, weight), {@code errors.csv} (what each error means) and {@code questions.csv} (per cause: the
 * missing fact, the causes it separates, why, the command). A file that does not read is refused with its
 * {@code file:line}, as a broken rule is.
 *
 * @param priors weight per error code and cause id; the error {@code *} holds the default weights
 * @param meanings what each error code means; {@code *} for an unknown one
 * @param questions the question per cause id
 * @param always the questions offered every time (the full bundle)
 * @param noError the questions asked when the error AWS returned is not known
 */
public record DifferentialData(
    Map<String, Map<String, Integer>> priors,
    Map<String, String> meanings,
    Map<String, Question> questions,
    List<Question> always,
    List<Question> noError) {

  static final String FOLDER = "differential/";
  static final String ANY = "*";
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]*");
  private static final CsvMapper CSV = new CsvMapper();

  /**
   * Reads the files of {@code source}; {@code causeIds} are the causes the rules may conclude, so a mistyped id
   * is named rather than silently never used.
   */
  public static DifferentialData load(RuleSource source, Set<String> causeIds) throws RulesException {
    Map<String, Map<String, Integer>> priors = new HashMap<>();
    Map<String, String> meanings = new HashMap<>();
    Map<String, Question> questions = new LinkedHashMap<>();
    List<Question> always = new ArrayList<>();
    List<Question> noError = new ArrayList<>();
    for (SourceFile f : source.files()) {
      if (!f.relativePath().startsWith(FOLDER)) {
        continue;
      }
      switch (f.relativePath().substring(FOLDER.length())) {
        case "priors.csv" -> {
          for (Line l : read(f, "error", "cause", "prior")) {
            String cause = l.id("cause", causeIds);
            int weight = l.weight("prior");
            priors.computeIfAbsent(l.need("error"), k -> new HashMap<>()).put(cause, weight);
          }
        }
        case "errors.csv" -> {
          for (Line l : read(f, "code", "meaning")) {
            meanings.put(l.need("code"), l.need("meaning"));
          }
        }
        case "questions.csv" -> {
          for (Line l : read(f, "cause", "fact", "separates", "why", "command")) {
            String cause = l.need("cause");
            List<String> separates = new ArrayList<>();
            for (String id : l.get("separates").split("[\\s,]+")) {
              if (!id.isEmpty()) {
                separates.add(l.known(id, "separates", causeIds));
              }
            }
            List<String> knownFrom = l.get("known_from").isEmpty() ? List.of() : List.of(l.get("known_from").split("[\\s,]+"));
            Question q = new Question(l.need("fact"), separates, l.get("why"), l.need("command"), knownFrom);
            switch (cause) {
              case "@always" -> always.add(q);
              case "@no-error" -> noError.add(q);
              default -> {
                if (questions.put(l.known(cause, "cause", causeIds), q) != null) {
                  throw l.problem("cause", cause + " has a question already; one question per cause");
                }
              }
            }
          }
        }
        default -> throw new RulesException(f.displayPath()
            + ": unknown file; rules/differential/ holds priors.csv, errors.csv and questions.csv");
      }
    }
    return new DifferentialData(priors, meanings, questions, always, noError);
  }

  /** The weight of {@code cause} for {@code code}: its own row, else the default row, else 1. */
  int prior(String code, String cause) {
    Integer own = code == null ? null : priors.getOrDefault(code, Map.of()).get(cause);
    if (own != null) {
      return own;
    }
    return priors.getOrDefault(ANY, Map.of()).getOrDefault(cause, 1);
  }

  String meaning(String code) {
    String m = code == null ? null : meanings.get(code);
    return m != null ? m : meanings.getOrDefault(ANY, "AWS refused the request.");
  }

  private static List<Line> read(SourceFile f, String... columns) throws RulesException {
    CsvSchema schema = CsvSchema.emptySchema().withHeader().withComments();
    List<Line> lines = new ArrayList<>();
    try (MappingIterator<Map<String, String>> it = CSV.readerFor(Map.class).with(schema)
        .with(CsvParser.Feature.TRIM_SPACES).with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(f.text())) {
      while (it.hasNextValue()) {
        // Jackson places a row's first token at the end of the line before it.
        int lineNo = it.getParser().currentTokenLocation().getLineNr() + 1;
        Map<String, String> row = it.nextValue();
        for (String c : columns) {
          if (!row.containsKey(c)) {
            throw new RulesException(f.displayPath() + ":" + lineNo + ": column '" + c + "' is missing; the header is "
                + String.join(",", columns));
          }
        }
        lines.add(new Line(f, lineNo, row));
      }
    } catch (IOException | RuntimeException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new RulesException(f.displayPath() + ": cannot be read as CSV: " + m);
    }
    return lines;
  }

  /** One row of a file, which names its own {@code file:line} in problems. */
  private record Line(SourceFile file, int lineNo, Map<String, String> cells) {
    String get(String column) {
      String v = cells.get(column);
      return v == null ? "" : v.strip();
    }

    String need(String column) throws RulesException {
      String v = get(column);
      if (v.isEmpty()) {
        throw problem(column, "is empty");
      }
      return v;
    }

    String id(String column, Set<String> known) throws RulesException {
      return known(need(column), column, known);
    }

    String known(String id, String column, Set<String> known) throws RulesException {
      if (!ID.matcher(id).matches() || !known.contains(id)) {
        throw problem(column, "'" + id + "' is not a cause id of the rules (see causes.csv)");
      }
      return id;
    }

    int weight(String column) throws RulesException {
      String v = need(column);
      try {
        int n = Integer.parseInt(v);
        if (n >= 0) {
          return n;
        }
      } catch (NumberFormatException e) {
        // Said below, in the file's terms.
      }
      throw problem(column, "'" + v + "' is not a whole number >= 0");
    }

    RulesException problem(String column, String what) {
      return new RulesException(file.displayPath() + ":" + lineNo + ": " + column + " " + what);
    }
  }
}
