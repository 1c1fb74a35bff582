package dev.tokendoctor.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.differential.Differential;
import dev.tokendoctor.differential.Question;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of one input ticket: one line of {@code results.jsonl}, one row of {@code results.csv}.
 *
 * @param index the ticket's position in the input, from 0
 * @param ticket the ticket id ({@code "ticket"} of a JSON line, the file name of a bundle file), or the input
 *     position when the line is too broken to name one
 * @param source where the ticket was read ({@code tickets.jsonl:12}, {@code bundles/T-1.json})
 * @param status the verdict ({@code ok}, {@code problem}, {@code inconclusive}, {@code insufficient}), or {@code error} when the
 *     ticket could not be diagnosed
 * @param headline the verdict's sentence, or the reason of the error
 * @param findings the causes found, most likely first
 * @param warnings tolerated problems of the input (unknown fields...)
 * @param errorKind for an error row: {@code malformed-line}, {@code unreadable-bundle}, {@code rule-failure},
 *     {@code input-error} or {@code internal-error}; else {@code null}
 * @param error for an error row, the reason in one line; else {@code null}
 * @param meta the ticket's metadata (created date, customer, product, client tool...), in input order
 * @param firstFix the first step of the first finding's fix, in one line; else {@code null}
 * @param firstQuestion when no rule concluded: the first question to ask the customer, with its command
 * @param client the client that failed as the ticket's facts name it (text, context), or {@code null}
 * @param worksNow AWS accepted the credentials found while the ticket says they were refused (see {@link WorksNow})
 */
public record Row(
    long index, String ticket, String source, String status, String headline, List<Found> findings,
    List<String> warnings, String errorKind, String error, Map<String, String> meta, String firstFix,
    String firstQuestion, Client client, boolean worksNow) {

  public static final String ERROR = "error";

  public Row {
    findings = List.copyOf(findings);
    warnings = List.copyOf(warnings);
    meta = meta == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(meta));
  }

  Row(long index, String ticket, String source, String status, String headline, List<Found> findings,
      List<String> warnings, String errorKind, String error) {
    this(index, ticket, source, status, headline, findings, warnings, errorKind, error, Map.of(), null, null, null,
        false);
  }

  /**
   * A client tool and its version, either may be unknown.
   *
   * @param tool {@code aws-cli}, {@code boto3}, {@code terraform}...
   * @param version its version, or {@code null}
   */
  public record Client(String tool, String version) {}

  /** The same row with the ticket's metadata. */
  Row withMeta(Map<String, String> m) {
    return new Row(index, ticket, source, status, headline, findings, warnings, errorKind, error, m, firstFix,
        firstQuestion, client, worksNow);
  }

  /**
   * One finding, as much of it as a triage needs (the full report is {@code tokendoctor diagnose}).
   *
   * @param id the cause id
   * @param title its title
   * @param severity error, warning or info
   * @param confidence high, medium or low
   * @param score its ranking points
   */
  public record Found(String id, String title, String severity, String confidence, int score) {}

  static Row diagnosed(long index, String ticket, String source, Diagnosis d, List<String> warnings,
      Map<String, String> meta, Differential differential, Client client, boolean worksNow) {
    List<Found> found = new ArrayList<>(d.findings().size());
    for (RankedFinding r : d.findings()) {
      found.add(new Found(r.id(), r.finding().title(), r.finding().severity().label(),
          r.finding().confidence().label(), r.score()));
    }
    String question = null;
    if (differential != null && !differential.questions().isEmpty()) {
      Question q = differential.questions().get(0);
      question = q.fact() + ": $ " + q.command();
    }
    return new Row(index, ticket, source, d.verdict().status(), d.verdict().headline(), found, warnings, null, null,
        meta, d.findings().isEmpty() ? null : firstFix(d.findings().get(0).finding().remediation()), question,
        client, worksNow);
  }

  /** The first step of a fix in one line: its first sentence of advice, and its first command when it has one. */
  static String firstFix(List<String> remediation) {
    String advice = null;
    String command = null;
    for (String step : remediation) {
      if (step.startsWith("$ ")) {
        if (command == null) {
          command = step;
        }
        if (advice != null) {
          break;
        }
      } else if (advice == null && command == null) {
        advice = step;
      } else {
        break;
      }
    }
    String fix = advice == null ? command : command == null ? advice : advice + " " + command;
    return fix == null ? null : fix.replaceAll("\\s+", " ").strip();
  }

  static Row failed(long index, String ticket, String source, String kind, String reason) {
    String oneLine = reason == null ? kind : reason.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    return new Row(index, ticket == null ? source : ticket, source, ERROR, oneLine, List.of(), List.of(), kind, oneLine);
  }

  public boolean failed() {
    return errorKind != null;
  }

  /** The first finding, or {@code null}. */
  public Found first() {
    return findings.isEmpty() ? null : findings.get(0);
  }

  /** The line of {@code results.jsonl} (without its newline). */
  ObjectNode toJson(ObjectMapper mapper) {
    ObjectNode n = mapper.createObjectNode();
    n.put("ticket", ticket);
    n.put("source", source);
    n.put("index", index);
    ObjectNode verdict = n.putObject("verdict");
    verdict.put("status", status);
    verdict.put("headline", headline);
    ArrayNode fs = n.putArray("findings");
    for (Found f : findings) {
      fs.addObject().put("id", f.id()).put("title", f.title()).put("severity", f.severity())
          .put("confidence", f.confidence()).put("score", f.score());
    }
    if (!warnings.isEmpty()) {
      ArrayNode ws = n.putArray("warnings");
      warnings.forEach(ws::add);
    }
    if (errorKind != null) {
      n.putObject("error").put("kind", errorKind).put("message", error);
    } else {
      n.putNull("error");
    }
    if (firstFix != null) {
      n.put("firstFix", firstFix);
    }
    if (firstQuestion != null) {
      n.put("firstQuestion", firstQuestion);
    }
    if (client != null) {
      n.putObject("client").put("tool", client.tool()).put("version", client.version());
    }
    if (worksNow) {
      n.put("credentialsWorkNow", true);
    }
    if (!meta.isEmpty()) {
      ObjectNode m = n.putObject("meta");
      meta.forEach(m::put);
    }
    return n;
  }

  /** Reads back a line of {@code results.jsonl} (a resumed run counts what was done before). */
  static Row fromJson(JsonNode n) {
    List<Found> found = new ArrayList<>();
    for (JsonNode f : n.path("findings")) {
      found.add(new Found(f.path("id").asText(), f.path("title").asText(), f.path("severity").asText(),
          f.path("confidence").asText(), f.path("score").asInt()));
    }
    List<String> warnings = new ArrayList<>();
    n.path("warnings").forEach(w -> warnings.add(w.asText()));
    JsonNode err = n.path("error");
    Map<String, String> meta = new LinkedHashMap<>();
    n.path("meta").fields().forEachRemaining(e -> meta.put(e.getKey(), e.getValue().asText()));
    return new Row(n.path("index").asLong(), n.path("ticket").asText(), n.path("source").asText(),
        n.path("verdict").path("status").asText(), n.path("verdict").path("headline").asText(), found, warnings,
        err.isObject() ? err.path("kind").asText() : null, err.isObject() ? err.path("message").asText() : null,
        meta, n.path("firstFix").asText(null), n.path("firstQuestion").asText(null),
        n.path("client").isObject() ? new Client(n.path("client").path("tool").asText(null),
            n.path("client").path("version").asText(null)) : null,
        n.path("credentialsWorkNow").asBoolean(false));
  }

  static final String CSV_HEADER =
      "ticket,source,status,first_cause,first_confidence,causes,headline,error,first_fix,first_question";

  /**
   * The header of {@code results.csv}: the fixed columns, then one per metadata column named (renamed
   * {@code ticket_NAME} when it would collide with a fixed one), or, when none is named, one {@code meta} column
   * that holds every metadata label as {@code name=value; ...}.
   */
  static String csvHeader(List<String> metaColumns) {
    List<String> cells = new ArrayList<>(List.of(CSV_HEADER.split(",")));
    if (metaColumns.isEmpty()) {
      cells.add("meta");
      return csvLine(cells);
    }
    List<String> fixed = List.copyOf(cells);
    for (String c : metaColumns) {
      cells.add(fixed.contains(c.toLowerCase(java.util.Locale.ROOT)) ? "ticket_" + c : c);
    }
    return csvLine(cells);
  }

  /** The row of {@code results.csv} (without its newline), for the header of {@link #csvHeader}. */
  String toCsv(List<String> metaColumns) {
    List<String> cells = fixedCells();
    cells.add(firstFix);
    cells.add(firstQuestion);
    if (metaColumns.isEmpty()) {
      StringBuilder all = new StringBuilder();
      meta.forEach((k, v) -> all.append(all.length() == 0 ? "" : "; ").append(k).append('=').append(v));
      cells.add(all.toString());
    } else {
      metaColumns.forEach(c -> cells.add(meta.get(c)));
    }
    return csvLine(cells);
  }

  /** The fixed columns this row had before fixes and metadata were added. */
  private List<String> fixedCells() {
    Found first = first();
    StringBuilder causes = new StringBuilder();
    for (Found f : findings) {
      if (causes.length() > 0) {
        causes.append(' ');
      }
      causes.append(f.id());
    }
    return new ArrayList<>(java.util.Arrays.asList(ticket, source, status, first == null ? "" : first.id(),
        first == null ? "" : first.confidence(), causes.toString(), failed() ? "" : headline, error == null ? "" : error));
  }

  /** One line of {@code results.csv}, quoted by jackson-dataformat-csv only where a cell needs it. */
  private static final ObjectWriter CSV_LINE = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING)
      .writer(CsvSchema.emptySchema().withLineSeparator(""));

  /** {@code cells}, each made {@link #safe}, as one CSV line without its line break. */
  static String csvLine(List<String> cells) {
    try {
      return CSV_LINE.writeValueAsString(cells.stream().map(Row::safe).toArray(String[]::new));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a results.csv line cannot be written: " + e.getOriginalMessage(), e);
    }
  }

  /**
   * One cell made safe to write: line breaks flattened (a row is one line, so a resumed run can cut the file at
   * a row boundary), and a leading {@code = + - @} neutralised so a spreadsheet never runs a ticket's text as a
   * formula. Quoting is left to the CSV writer.
   */
  static String safe(String value) {
    String v = value == null ? "" : value;
    if (v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\t') >= 0) {
      v = v.replaceAll("[\\r\\n\\t]+", " ");
    }
    if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
      v = "'" + v;
    }
    return v;
  }
}
