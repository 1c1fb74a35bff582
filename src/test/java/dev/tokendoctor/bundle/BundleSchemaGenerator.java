package dev.tokendoctor.bundle;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates the bundle's JSON Schema from the records themselves, with each field's description taken from the
 * record's javadoc {@code @param} line, so the schema cannot drift from the code (a test compares the shipped file
 * with this output).
 */
final class BundleSchemaGenerator {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final Path sourceRoot;
  private final Map<String, ObjectNode> defs = new TreeMap<>();

  BundleSchemaGenerator(Path sourceRoot) {
    this.sourceRoot = sourceRoot;
  }

  String generate() throws IOException {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.put("$id", "https://tokendoctor.dev/schema/bundle-" + FactBundle.SCHEMA_VERSION + ".json");
    root.put("title", "tokendoctor fact bundle");
    root.put("description", "Every fact collected on one machine at one moment, redacted: no secret value appears"
        + " in it. Unknown fields are allowed (a newer tool may add facts) and are ignored with a warning.");
    ObjectNode body = recordSchema(FactBundle.class);
    root.setAll(body);
    ArrayNode required = root.putArray("required");
    required.add("schemaVersion");
    ObjectNode version = (ObjectNode) root.get("properties").get("schemaVersion");
    version.put("type", "integer");
    version.put("minimum", 1);
    ObjectNode d = root.putObject("$defs");
    defs.forEach(d::set);
    return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
  }

  private ObjectNode recordSchema(Class<?> type) throws IOException {
    ObjectNode s = MAPPER.createObjectNode();
    s.put("type", "object");
    Map<String, String> docs = paramDocs(type);
    String summary = docs.remove("");
    if (summary != null) {
      s.put("description", summary);
    }
    ObjectNode props = s.putObject("properties");
    for (RecordComponent c : type.getRecordComponents()) {
      ObjectNode p = typeSchema(c.getGenericType());
      String doc = docs.get(c.getName());
      if (doc != null) {
        p.put("description", doc);
      }
      props.set(c.getName(), p);
    }
    return s;
  }

  private ObjectNode typeSchema(Type t) throws IOException {
    ObjectNode s = MAPPER.createObjectNode();
    if (t instanceof ParameterizedType pt && pt.getRawType() == List.class) {
      s.put("type", "array");
      s.set("items", typeSchema(pt.getActualTypeArguments()[0]));
      return s;
    }
    Class<?> c = (Class<?>) t;
    if (c == String.class || c == dev.tokendoctor.facts.Origin.class) {
      // Absent and null mean the same to the reader: "not known". An Origin is written as its shown text.
      s.putArray("type").add("string").add("null");
    } else if (c == boolean.class) {
      s.put("type", "boolean");
    } else if (c == Boolean.class) {
      s.putArray("type").add("boolean").add("null");
    } else if (c == int.class || c == long.class) {
      s.put("type", "integer");
    } else if (c == Integer.class || c == Long.class) {
      s.putArray("type").add("integer").add("null");
    } else if (c == Instant.class) {
      s.putArray("type").add("string").add("null");
      s.put("format", "date-time");
    } else if (c.isRecord()) {
      String name = c.getSimpleName();
      if (!defs.containsKey(name)) {
        defs.put(name, MAPPER.createObjectNode());
        defs.put(name, recordSchema(c));
      }
      s.put("$ref", "#/$defs/" + name);
    } else {
      throw new IllegalStateException("no schema mapping for " + c);
    }
    return s;
  }

  /** The javadoc of a record: "" → its first sentence, and each {@code @param} → its text. */
  private Map<String, String> paramDocs(Class<?> type) throws IOException {
    Class<?> top = type;
    while (top.getEnclosingClass() != null) {
      top = top.getEnclosingClass();
    }
    Path src = sourceRoot.resolve(top.getName().replace('.', '/') + ".java");
    Map<String, String> out = new LinkedHashMap<>();
    if (!Files.exists(src)) {
      return out;
    }
    String text = Files.readString(src);
    Matcher m = Pattern.compile("/\\*\\*((?:(?!\\*/).)*)\\*/\\s*(?:@\\w+\\s*)*public (?:static )?record " + type.getSimpleName() + "\\b",
        Pattern.DOTALL).matcher(text);
    if (!m.find()) {
      return out;
    }
    String body = m.group(1).replaceAll("(?m)^\\s*\\* ?", "").replaceAll("\\{@(?:code|link) ([^}]*)}", "$1")
        .replaceAll("<[^>]+>", "");
    String[] parts = body.split("(?m)^@param\\s+");
    String summary = parts[0].strip().replaceAll("\\s+", " ");
    if (!summary.isEmpty()) {
      out.put("", summary);
    }
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].replaceAll("(?ms)^@\\w+.*", "").strip();
      int sp = p.indexOf(' ');
      if (sp > 0) {
        out.put(p.substring(0, sp), p.substring(sp + 1).replaceAll("\\s+", " ").strip());
      }
    }
    return out;
  }
}
