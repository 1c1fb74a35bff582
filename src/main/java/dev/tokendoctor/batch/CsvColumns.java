package dev.tokendoctor.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which columns of a help-desk CSV export hold the ticket id, its text and its metadata. Named columns win;
 * without them, the usual names of common exports are recognised: Zendesk ({@code Id}, {@code Subject},
 * {@code Description}), Freshdesk ({@code Ticket ID}, {@code Subject}, {@code Description}), Jira
 * ({@code Issue key}, {@code Summary}, {@code Description}), Salesforce ({@code Case Number}), ServiceNow
 * ({@code Number}), or plain {@code ticket}/{@code text}. Names match without regard to case, spaces or
 * punctuation. Every other column is metadata (created date, customer, product, client tool...) unless
 * {@code meta} names the ones to keep.
 *
 * @param id the id column, or {@code null} for the defaults
 * @param text the text columns, joined by a blank line; empty for the defaults
 * @param meta the metadata columns; empty for every other column
 */
public record CsvColumns(String id, List<String> text, List<String> meta) {
  public static final CsvColumns DEFAULT = new CsvColumns(null, List.of(), List.of());
  static final List<String> ID_NAMES = List.of("ticket", "ticketid", "ticketnumber", "issuekey", "key", "id",
      "casenumber", "caseid", "number", "issueid");
  static final List<String> TEXT_NAMES = List.of("text", "body", "description", "ticketdescription", "content",
      "message", "details", "comment", "comments", "firstcomment");
  static final List<String> TITLE_NAMES = List.of("subject", "summary", "title");

  public CsvColumns {
    text = List.copyOf(text);
    meta = List.copyOf(meta);
  }

  /**
   * The columns of one export, resolved against its header.
   *
   * @param id the index of the id column
   * @param text the indexes of the text columns, in the order their text is joined
   * @param meta the indexes of the metadata columns
   * @param names the header
   */
  record Resolved(int id, List<Integer> text, List<Integer> meta, List<String> names) {}

  /** Resolves the columns against {@code header}; a column that cannot be found is named in the message. */
  Resolved resolve(List<String> header, String input) throws BatchException {
    int idIndex = id != null ? find(header, List.of(id), true) : find(header, ID_NAMES, false);
    if (idIndex < 0) {
      throw new BatchException(input + ": " + (id != null ? "no column '" + id + "'" : "no ticket id column (looked for "
          + String.join(", ", ID_NAMES) + ")") + " in its header: " + String.join(", ", header)
          + "; name it with --id-column");
    }
    List<Integer> textIndexes = named(header, text, input);
    if (text.isEmpty()) {
      int title = find(header, TITLE_NAMES, false);
      int body = find(header, TEXT_NAMES, false);
      if (body < 0) {
        throw new BatchException(input + ": no ticket text column (looked for " + String.join(", ", TEXT_NAMES)
            + ") in its header: " + String.join(", ", header) + "; name it with --text-column");
      }
      if (title >= 0 && title != idIndex) {
        textIndexes.add(title);
      }
      textIndexes.add(body);
    }
    List<Integer> metaIndexes = named(header, meta, input);
    if (meta.isEmpty()) {
      for (int i = 0; i < header.size(); i++) {
        if (i != idIndex && !textIndexes.contains(i) && !header.get(i).isBlank()) {
          metaIndexes.add(i);
        }
      }
    }
    return new Resolved(idIndex, textIndexes, metaIndexes, List.copyOf(header));
  }

  /** The indexes of the columns {@code names} names; one that is not there is named in the message. */
  private static List<Integer> named(List<String> header, List<String> names, String input) throws BatchException {
    List<Integer> indexes = new ArrayList<>();
    for (String n : names) {
      int i = find(header, List.of(n), true);
      if (i < 0) {
        throw new BatchException(input + ": no column '" + n + "' in its header: " + String.join(", ", header));
      }
      indexes.add(i);
    }
    return indexes;
  }

  /** The first column whose name matches one of {@code names}, in the order of {@code names}; -1 when none. */
  private static int find(List<String> header, List<String> names, boolean exactFirst) {
    if (exactFirst) {
      int exact = header.indexOf(names.get(0));
      if (exact >= 0) {
        return exact;
      }
    }
    for (String n : names) {
      String want = normal(n);
      for (int i = 0; i < header.size(); i++) {
        if (normal(header.get(i)).equals(want)) {
          return i;
        }
      }
    }
    return -1;
  }

  static String normal(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }
}
