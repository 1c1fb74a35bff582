package dev.tokendoctor.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads and writes fact bundles as JSON. Reading is strict about types and limits (a bundle is untrusted
 * input) and lenient about fields it does not know (an older tool reads a newer bundle, with a warning).
 * Thread-safe: one instance serves every thread of a batch run.
 */
public final class BundleCodec {
  private final ObjectMapper mapper;
  private final BundleLimits limits;

  public BundleCodec() {
    this(BundleLimits.DEFAULT, DefaultMapper.MAPPER);
  }

  public BundleCodec(BundleLimits limits) {
    this(limits, newMapper(limits));
  }

  private BundleCodec(BundleLimits limits, ObjectMapper mapper) {
    this.limits = limits;
    this.mapper = mapper;
  }

  /**
   * One mapper for the default limits, shared: a mapper learns how to read each type on first use, which costs
   * more than reading a bundle, and the daemon would otherwise relearn it on every command. Never reconfigured
   * after it is built, so sharing it is safe (Jackson's mappers are thread-safe once configured).
   */
  private static final class DefaultMapper {
    static final JsonMapper MAPPER = newMapper(BundleLimits.DEFAULT);
  }

  /** The JSON mapper every bundle-shaped document goes through (bundles, batch lines, scenarios). */
  public static JsonMapper newMapper(BundleLimits limits) {
    JsonMapper mapper = JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        // Shape flags left out of a value descriptor mean false (see ValueDescriptor).
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        // 1.5 is not schema version 1, nor an HTTP status.
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        // Unknown fields are found with their paths by UnknownFields and reported as warnings.
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
    mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
        .maxNestingDepth(limits.maxDepth())
        .maxStringLength(limits.maxStringLength())
        .maxDocumentLength(limits.maxBytes())
        .build());
    return mapper;
  }

  /** The mapper, for callers that read bundle-shaped JSON embedded in other documents. */
  public ObjectMapper mapper() {
    return mapper;
  }

  /**
   * Reads one bundle.
   *
   * @param in the JSON document
   * @param source the name to use in messages (a file name, {@code <stdin>}, {@code tickets.jsonl:12})
   * @param warnings receives one line per tolerated problem (unknown fields, a newer schema version)
   * @throws BundleException with one line naming the source, the JSON path and the problem
   */
  public FactBundle read(InputStream in, String source, Consumer<String> warnings) throws BundleException {
    byte[] bytes;
    try {
      bytes = readLimited(in, source);
    } catch (IOException e) {
      throw new BundleException(source + ": cannot read: " + e.getMessage());
    }
    return read(bytes, source, warnings);
  }

  /** Reads one bundle from bytes already in memory. */
  public FactBundle read(byte[] bytes, String source, Consumer<String> warnings) throws BundleException {
    String encoding = Utf8Check.problem(bytes);
    if (encoding != null) {
      throw new BundleException(source + ": $: " + encoding);
    }
    JsonNode tree;
    try {
      tree = mapper.readTree(bytes);
    } catch (IOException e) {
      throw new BundleException(source + ": " + describe(e));
    }
    if (tree == null || tree.isMissingNode()) {
      throw new BundleException(source + ": $: empty input, expected a bundle (a JSON object)");
    }
    return read(tree, source, warnings);
  }

  /** Reads one bundle from a JSON tree already parsed (a batch line's {@code bundle} member). */
  public FactBundle read(JsonNode node, String source, Consumer<String> warnings) throws BundleException {
    if (!node.isObject()) {
      throw new BundleException(source + ": $: expected a JSON object, got " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    List<String> unknown = new ArrayList<>();
    UnknownFields.find(node, FactBundle.class, "$", unknown::add);
    // Before mapping, because the records drop nulls from lists; after it, so that a value of the wrong type is
    // named as such rather than as missing.
    java.util.Optional<String> problem = RequiredFields.firstNullInList(node, FactBundle.class);
    FactBundle bundle;
    try {
      bundle = problem.isPresent() ? null : mapper.treeToValue(node, FactBundle.class);
    } catch (IOException e) {
      throw new BundleException(source + ": " + describe(e));
    }
    problem = problem.or(() -> RequiredFields.firstProblem(node, FactBundle.class));
    if (problem.isPresent()) {
      throw new BundleException(source + ": " + problem.get());
    }
    return check(bundle, source, unknown, warnings);
  }

  private FactBundle check(FactBundle bundle, String source, List<String> unknown, Consumer<String> warnings)
      throws BundleException {
    if (bundle == null) {
      throw new BundleException(source + ": $: expected a JSON object, got null");
    }
    if (bundle.schemaVersion() == null) {
      throw new BundleException(source + ": $.schemaVersion: missing (every bundle names its schema version)");
    }
    if (bundle.schemaVersion() < 1) {
      throw new BundleException(source + ": $.schemaVersion: " + bundle.schemaVersion() + " is not a schema version");
    }
    if (bundle.schemaVersion() > FactBundle.SCHEMA_VERSION) {
      warnings.accept(source + ": $.schemaVersion: " + bundle.schemaVersion() + " is newer than this tool's "
          + FactBundle.SCHEMA_VERSION + "; facts it does not know are ignored");
    }
    for (String path : unknown) {
      warnings.accept(source + ": " + path + ": unknown field, ignored");
    }
    return bundle;
  }

  /** Writes a bundle as indented JSON. */
  public void write(FactBundle bundle, OutputStream out) throws IOException {
    mapper.writer()
        .with(SerializationFeature.INDENT_OUTPUT)
        .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
        .writeValue(out, bundle);
  }

  /** Writes a bundle to a file all at once: a reader never sees half a bundle. */
  public void write(FactBundle bundle, Path file) throws IOException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    write(bundle, buf);
    buf.write('\n');
    writeAtomically(file, buf.toByteArray());
  }

  /** Writes bytes to {@code file} through a temporary file in the same folder and a rename. */
  public static void writeAtomically(Path file, byte[] bytes) throws IOException {
    Path abs = file.toAbsolutePath();
    Path dir = abs.getParent();
    if (dir != null) {
      Files.createDirectories(dir);
    }
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private byte[] readLimited(InputStream in, String source) throws IOException, BundleException {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    byte[] chunk = new byte[8192];
    long total = 0;
    int n;
    while ((n = in.read(chunk)) > 0) {
      total += n;
      if (total > limits.maxBytes()) {
        throw new BundleException(source + ": $: bundle is larger than " + limits.maxBytes() + " bytes; refused");
      }
      buf.write(chunk, 0, n);
    }
    return buf.toByteArray();
  }

  /** One line: the JSON path and the problem, without Jackson's class names and source excerpts. */
  static String describe(IOException e) {
    if (e instanceof StreamConstraintsException sce) {
      return "$: bundle exceeds a size limit: " + JsonWords.plain(sce.getOriginalMessage());
    }
    if (e instanceof JsonMappingException jme) {
      String path = JsonPaths.of(jme.getPath());
      return path + ": " + mappingProblem(jme);
    }
    if (e instanceof JsonParseException jpe) {
      String where = jpe.getLocation() == null ? ""
          : " (line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() + ")";
      String path = jpe.getProcessor() != null ? JsonPaths.of(jpe.getProcessor().getParsingContext()) : "$";
      return path + ": malformed JSON" + where + ": " + JsonWords.plain(jpe.getOriginalMessage());
    }
    if (e instanceof JsonProcessingException jpe) {
      return "$: " + JsonWords.plain(jpe.getOriginalMessage());
    }
    return "cannot read: " + JsonWords.plain(e.getMessage());
  }

  private static String mappingProblem(JsonMappingException e) {
    String msg = firstLine(e.getOriginalMessage());
    if (msg.startsWith("Trailing token")) {
      return "malformed JSON: more content after the bundle (one JSON document per file)";
    }
    if (msg.startsWith("Duplicate field")) {
      return "field appears twice: " + msg.replaceFirst("^Duplicate field '([^']*)'.*$", "$1");
    }
    if (msg.contains("Text '") && msg.contains("could not be parsed")) {
      return "expected a date-time like 2026-01-31T12:00:00Z, got " + msg.replaceFirst("^.*?Text ('[^']*').*$", "$1");
    }
    java.util.regex.Matcher type = java.util.regex.Pattern.compile("`([^`]+)`").matcher(msg);
    if (type.find()) {
      String expected = expected(simpleType(type.group(1)));
      java.util.regex.Matcher str = java.util.regex.Pattern.compile("String value \\(\"([^\"]*)\"\\)").matcher(msg);
      String got = str.find() ? "the string \"" + str.group(1) + "\""
          : msg.contains("from String") ? "a string"
          : msg.contains("from Array") || msg.contains("START_ARRAY") ? "an array"
          : msg.contains("from Object") || msg.contains("START_OBJECT") ? "an object"
          : msg.contains("from Integer") || msg.contains("Integer value") ? "a number"
          : msg.contains("from Floating") || msg.contains("Floating-point value") ? "a decimal number"
          : msg.contains("from Boolean") || msg.contains("Boolean value") ? "true or false"
          : msg.contains("null") ? "null"
          : "something else";
      return "expected " + expected + ", got " + got;
    }
    return JsonWords.plain(msg);
  }

  private static String expected(String simple) {
    return switch (simple) {
      case "int", "Integer", "long", "Long" -> "a whole number";
      case "boolean", "Boolean" -> "true or false";
      case "String" -> "a string";
      case "Instant" -> "a date-time like 2026-01-31T12:00:00Z";
      case "List", "ArrayList", "Collection" -> "an array";
      default -> "an object (" + simple + ")";
    };
  }

  private static String simpleType(String type) {
    String t = type.replaceAll("<.*", "");
    return t.substring(t.lastIndexOf('.') + 1).replace('$', '.');
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return (nl < 0 ? s : s.substring(0, nl)).trim();
  }

  static String utf8(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
