package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.TicketContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Reads one ticket: a JSON line {@code {"ticket": "ID", "bundle": {...}}}, optionally with the ticket's context
 * beside the bundle ({@code "error": "pasted error text"}, {@code "context": {TicketContext fields}}), or a
 * bundle file. Thread-safe.
 */
final class TicketParser {
  /** The members a ticket line may have; others are warned about, like unknown fields of a bundle. */
  static final Set<String> MEMBERS = Set.of("ticket", "bundle", "error", "context");
  static final int MAX_ID_LENGTH = 200;

  private final BundleCodec codec;
  private final ObjectMapper mapper;

  TicketParser(BundleCodec codec) {
    this.codec = codec;
    this.mapper = codec.mapper();
  }

  /**
   * A ticket ready to diagnose.
   *
   * @param id the ticket id
   * @param bundle its facts, with the ticket context merged in
   * @param warnings tolerated problems
   */
  record Parsed(String id, FactBundle bundle, List<String> warnings) {}

  /** Why a ticket cannot be diagnosed: the kind of error row and its reason; the id when it could be read. */
  static final class Unreadable extends Exception {
    private static final long serialVersionUID = 1L;
    final String kind;
    final String ticketId;

    Unreadable(String kind, String ticketId, String message) {
      super(message);
      this.kind = kind;
      this.ticketId = ticketId;
    }
  }

  Parsed parse(RawTicket raw) throws Unreadable {
    if (raw.problem() != null) {
      throw new Unreadable("input-error", raw.ticketId(), raw.source() + ": " + raw.problem());
    }
    List<String> warnings = new ArrayList<>();
    if (raw.file() != null) {
      try (InputStream in = TicketReader.decompressed(Files.newInputStream(raw.file()))) {
        return new Parsed(raw.ticketId(), codec.read(in, raw.source(), warnings::add), warnings);
      } catch (BundleException e) {
        throw new Unreadable("unreadable-bundle", raw.ticketId(), e.getMessage());
      } catch (IOException e) {
        throw new Unreadable("unreadable-bundle", raw.ticketId(), raw.source() + ": cannot read: " + e.getMessage());
      }
    }
    return parseLine(raw.line(), raw.source(), warnings);
  }

  Parsed parseLine(byte[] line, String source, List<String> warnings) throws Unreadable {
    JsonNode root;
    try {
      root = mapper.readTree(line);
    } catch (IOException e) {
      throw new Unreadable("malformed-line", null, source + ": malformed JSON" + column(e) + ": " + firstLine(e));
    }
    if (root == null || !root.isObject()) {
      throw new Unreadable("malformed-line", null, source + ": expected a JSON object {\"ticket\": ..., \"bundle\": {...}}");
    }
    JsonNode idNode = root.get("ticket");
    String id = idNode != null && (idNode.isTextual() || idNode.isIntegralNumber()) ? idNode.asText().strip() : null;
    if (id == null || id.isEmpty()) {
      throw new Unreadable("malformed-line", null, source + ": $.ticket: missing (each line names its ticket: "
          + "{\"ticket\": \"ID\", \"bundle\": {...}})");
    }
    if (id.length() > MAX_ID_LENGTH || id.chars().anyMatch(Character::isISOControl)) {
      throw new Unreadable("malformed-line", null, source + ": $.ticket: not a ticket id (control characters, or longer than "
          + MAX_ID_LENGTH + " characters)");
    }
    for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
      String n = names.next();
      if (!MEMBERS.contains(n)) {
        warnings.add(source + ": $." + n + ": unknown field, ignored");
      }
    }
    JsonNode bundleNode = root.get("bundle");
    if (bundleNode == null || bundleNode.isNull()) {
      throw new Unreadable("unreadable-bundle", id, source + ": $.bundle: missing");
    }
    FactBundle bundle;
    try {
      bundle = codec.read(bundleNode, source + " bundle", warnings::add);
    } catch (BundleException e) {
      throw new Unreadable("unreadable-bundle", id, e.getMessage());
    }
    TicketContext context = bundle.ticket();
    JsonNode ctxNode = root.get("context");
    if (ctxNode != null && !ctxNode.isNull()) {
      try {
        FactBundle withContext = codec.read(mapper.createObjectNode().put("schemaVersion", 1).set("ticket", ctxNode),
            source + " context", w -> warnings.add(w.replace("$.ticket", "$.context")));
        context = withContext.ticket();
        if (context != null && context.errorCode() == null && context.errorText() != null) {
          context = withError(context, context.errorText());
        }
      } catch (BundleException e) {
        throw new Unreadable("unreadable-bundle", id, e.getMessage().replace("$.ticket", "$.context"));
      }
    }
    JsonNode errorNode = root.get("error");
    if (errorNode != null && !errorNode.isNull()) {
      if (!errorNode.isTextual()) {
        throw new Unreadable("malformed-line", id, source + ": $.error: expected the pasted error text, a string");
      }
      context = withError(context, errorNode.asText());
    }
    if (context != bundle.ticket()) {
      bundle = bundle.withTicket(context);
    }
    return new Parsed(id, bundle, warnings);
  }

  /** The context with the pasted error text, and the code found in it unless the context names one. */
  static TicketContext withError(TicketContext c, String text) {
    String code = c != null && c.errorCode() != null ? c.errorCode() : ErrorTexts.code(text);
    if (c == null) {
      return new TicketContext(text, code, null, null, null, null, null, null);
    }
    return new TicketContext(text, code, c.service(), c.operation(), c.clientTool(), c.clientVersion(),
        c.expectedAccount(), c.workedBefore());
  }

  private static String column(IOException e) {
    if (e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
        && j.getLocation().getColumnNr() > 0) {
      return " (column " + j.getLocation().getColumnNr() + ")";
    }
    return "";
  }

  /** Jackson's message in plain words, without its source excerpt and marker positions. */
  private static String firstLine(IOException e) {
    String m = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    return dev.tokendoctor.bundle.JsonWords.plain(m.replaceAll("\\s*\\((start marker at )?\\[Source:.*$", "")
        .replaceAll("\\s*at \\[Source:.*$", ""));
  }
}
