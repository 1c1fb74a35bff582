package dev.tokendoctor.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.TicketContext;
import dev.tokendoctor.ticket.TicketExtractor;
import dev.tokendoctor.ticket.TicketParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads one line of batch input: a JSON line {@code {"ticket": "ID", "bundle": {...}}}, optionally with the
 * ticket's context beside the bundle ({@code "error": "pasted error text"}, {@code "context": {TicketContext
 * fields}}), or a bundle file. A line may hold the ticket's {@code "text"} instead of a bundle, or beside it (the
 * facts of both are merged, the bundle's win). Other members with a plain value ({@code "created"},
 * {@code "customer"}, {@code "product"}...) and the members of {@code "meta": {...}} are the ticket's metadata,
 * carried to every output. The pasted error text is read, and always scrubbed, by the one {@link TicketParser}.
 * Thread-safe.
 */
final class TicketLineParser {
  /**
   * How facts read from a line's {@code "text"} name their source: the same extraction as {@code tokendoctor
   * triage}, so a ticket gets the same answer in a batch as alone.
   */
  static final String TEXT_SOURCE = "ticket";
  /** The members a ticket line may have; others are warned about, like unknown fields of a bundle. */
  static final Set<String> MEMBERS = Set.of("ticket", "bundle", "error", "context", "text", "meta");
  /** Metadata values are labels (a date, a customer, a product), not text: longer ones are cut. */
  static final int MAX_META_VALUE = 200;
  static final int MAX_ID_LENGTH = 200;

  private final BundleCodec codec;
  private final ObjectMapper mapper;

  TicketLineParser(BundleCodec codec) {
    this.codec = codec;
    this.mapper = codec.mapper();
  }

  /**
   * A ticket ready to diagnose.
   *
   * @param id the ticket id
   * @param bundle its facts, with the ticket context merged in
   * @param warnings tolerated problems
   * @param meta the ticket's metadata (created date, customer, product, client tool...), in input order
   */
  record Parsed(String id, FactBundle bundle, List<String> warnings, Map<String, String> meta) {
    Parsed(String id, FactBundle bundle, List<String> warnings) {
      this(id, bundle, warnings, Map.of());
    }
  }

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
    Map<String, String> meta = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> members = root.fields(); members.hasNext(); ) {
      Map.Entry<String, JsonNode> m = members.next();
      if (MEMBERS.contains(m.getKey())) {
        continue;
      }
      if (m.getValue().isValueNode()) {
        putMeta(meta, m.getKey(), m.getValue());
      } else {
        warnings.add(source + ": $." + m.getKey() + ": unknown field, ignored");
      }
    }
    JsonNode metaNode = root.get("meta");
    if (metaNode != null && !metaNode.isNull()) {
      if (!metaNode.isObject()) {
        throw new Unreadable("malformed-line", id, source + ": $.meta: expected an object of labels {\"customer\": \"...\"}");
      }
      metaNode.fields().forEachRemaining(m -> {
        if (m.getValue().isValueNode()) {
          putMeta(meta, m.getKey(), m.getValue());
        } else {
          warnings.add(source + ": $.meta." + m.getKey() + ": not a plain value, ignored");
        }
      });
    }
    JsonNode textNode = root.get("text");
    FactBundle fromText = null;
    if (textNode != null && !textNode.isNull()) {
      if (!textNode.isTextual()) {
        throw new Unreadable("malformed-line", id, source + ": $.text: expected the ticket's text, a string");
      }
      fromText = TicketExtractor.extract(textNode.asText(), TEXT_SOURCE);
    }
    JsonNode bundleNode = root.get("bundle");
    JsonNode pastedError = root.get("error");
    if ((bundleNode == null || bundleNode.isNull()) && fromText == null && (pastedError == null || pastedError.isNull())) {
      throw new Unreadable("unreadable-bundle", id, source + ": $.bundle: missing (a line holds \"bundle\", \"text\" or \"error\")");
    }
    FactBundle bundle;
    if (bundleNode == null || bundleNode.isNull()) {
      bundle = fromText != null ? fromText : TicketExtractor.extract("", TEXT_SOURCE);
    } else {
      try {
        bundle = FactMerge.merge(codec.read(bundleNode, source + " bundle", warnings::add), fromText);
      } catch (BundleException e) {
        throw new Unreadable("unreadable-bundle", id, e.getMessage());
      }
    }
    TicketContext context = bundle.ticket();
    JsonNode ctxNode = root.get("context");
    if (ctxNode != null && !ctxNode.isNull()) {
      try {
        FactBundle withContext = codec.read(mapper.createObjectNode().put("schemaVersion", 1).set("ticket", ctxNode),
            source + " context", w -> warnings.add(w.replace("$.ticket", "$.context")));
        context = withContext.ticket();
        if (context != null && context.errorText() != null) {
          context = TicketParser.withError(context, context.errorText());
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
      context = TicketParser.withError(context, errorNode.asText());
    }
    if (context != bundle.ticket()) {
      bundle = bundle.withTicket(context);
    }
    return new Parsed(id, bundle, warnings, meta);
  }

  private static void putMeta(Map<String, String> meta, String key, JsonNode value) {
    if (value.isNull() || key.isBlank()) {
      return;
    }
    String v = value.asText().strip().replaceAll("[\\p{Cntrl}]+", " ");
    meta.put(key.strip(), v.length() > MAX_META_VALUE ? v.substring(0, MAX_META_VALUE) + "…" : v);
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
