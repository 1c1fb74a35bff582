package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A help-desk CSV export as tickets: a header, then one ticket per record (a quoted body may span lines). Each
 * record becomes the JSON line {@code {"ticket": ID, "text": TEXT, "meta": {COLUMN: VALUE...}}}, so it is parsed
 * and diagnosed exactly as a JSON Lines ticket with text is. A record's source is {@code file:LINE}, the line it
 * starts on.
 */
final class CsvTickets {
  private static final CsvMapper CSV = new CsvMapper();
  private static final ObjectMapper JSON = new ObjectMapper();

  private CsvTickets() {}

  /** Reads the header of a CSV file and resolves its columns (for the checks and the results' columns). */
  static CsvColumns.Resolved header(Path file, String name, CsvColumns columns) throws BatchException {
    try (InputStream in = TicketReader.decompressed(Files.newInputStream(file));
        MappingIterator<String[]> rows = rows(in)) {
      if (!rows.hasNextValue()) {
        throw new BatchException(name + ": empty; a CSV export starts with a header line");
      }
      return columns.resolve(header(rows.nextValue()), name);
    } catch (IOException | RuntimeException e) {
      throw new BatchException(name + ": cannot be read as CSV: " + firstLine(e));
    }
  }

  /**
   * Reads every record of {@code in} and hands each ticket to {@code sink}; a record too long, or a file that
   * stops being CSV, becomes an error row.
   *
   * @param next gives each ticket its position in the whole input
   * @return false when the sink said stop
   */
  static boolean read(String name, InputStream in, CsvColumns columns, int maxBytes, java.util.function.LongSupplier next,
      TicketReader.Sink sink) throws InterruptedException {
    int lineNo = 1;
    try (MappingIterator<String[]> rows = rows(in)) {
      if (!rows.hasNextValue()) {
        return true;
      }
      CsvColumns.Resolved r;
      try {
        r = columns.resolve(header(rows.nextValue()), name);
      } catch (BatchException e) {
        return sink.accept(new RawTicket(next.getAsLong(), name + ":1", null, null, null, e.getMessage()));
      }
      while (rows.hasNextValue()) {
        lineNo = rows.getParser().currentTokenLocation().getLineNr() + 1;
        String[] cells = rows.nextValue();
        if (cells.length == 0 || (cells.length == 1 && cells[0].isBlank())) {
          continue;
        }
        String source = name + ":" + lineNo;
        byte[] line = JSON.writeValueAsBytes(ticket(r, cells));
        RawTicket t = line.length > maxBytes
            ? new RawTicket(next.getAsLong(), source, null, null, cell(cells, r.id()), "the record is longer than "
                + maxBytes + " bytes; refused")
            : new RawTicket(next.getAsLong(), source, line, null, null, null);
        if (!sink.accept(t)) {
          return false;
        }
      }
      return true;
    } catch (IOException | RuntimeException e) {
      return sink.accept(new RawTicket(next.getAsLong(), name + ":" + lineNo, null, null, null,
          "the CSV cannot be read past line " + lineNo + " (" + firstLine(e) + "); the rest of " + name + " is lost"));
    }
  }

  private static ObjectNode ticket(CsvColumns.Resolved r, String[] cells) {
    ObjectNode n = JSON.createObjectNode();
    n.put("ticket", cell(cells, r.id()));
    StringBuilder text = new StringBuilder();
    for (int i : r.text()) {
      String c = cell(cells, i);
      if (!c.isBlank()) {
        text.append(text.length() == 0 ? "" : "\n\n").append(c);
      }
    }
    n.put("text", text.toString());
    ObjectNode meta = n.putObject("meta");
    for (int i : r.meta()) {
      String c = cell(cells, i);
      if (!c.isBlank()) {
        meta.put(r.names().get(i), c);
      }
    }
    return n;
  }

  private static String cell(String[] cells, int i) {
    return i < cells.length && cells[i] != null ? cells[i].strip() : "";
  }

  private static MappingIterator<String[]> rows(InputStream in) throws IOException {
    Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    return CSV.readerForArrayOf(String.class).with(CsvParser.Feature.WRAP_AS_ARRAY)
        .with(CsvParser.Feature.SKIP_EMPTY_LINES).readValues(reader);
  }

  /** The header's names, without the byte-order mark spreadsheets write first. */
  private static List<String> header(String[] cells) {
    List<String> names = new ArrayList<>(Arrays.asList(cells));
    if (!names.isEmpty() && names.get(0) != null && names.get(0).startsWith("\uFEFF")) {
      names.set(0, names.get(0).substring(1));
    }
    names.replaceAll(n -> n == null ? "" : n.strip());
    return names;
  }

  private static String firstLine(Exception e) {
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return m.lines().findFirst().orElse(m).replaceAll("\\s*at \\[Source:.*$", "");
  }
}
