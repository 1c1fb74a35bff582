package dev.tokendoctor.engine;

import java.util.Map;

/**
 * One rule as written in its file (read by the DRL parser, before any compiling): what the linter, the catalog
 * and the docs need even when another file does not compile.
 *
 * @param name the rule's name
 * @param line the line of {@code rule "name"}
 * @param endLine the line of its {@code end}
 * @param metadata its {@code @key("value")} metadata, unquoted
 * @param metadataLines the line of each metadata key
 * @param consequence the text of its {@code then} part
 * @param thenLine the line of {@code then}
 */
public record DrlRule(
    String name, int line, int endLine, Map<String, String> metadata, Map<String, Integer> metadataLines,
    String consequence, int thenLine) {

  public DrlRule {
    metadata = Map.copyOf(metadata);
    metadataLines = Map.copyOf(metadataLines);
  }

  /** {@code cause} (the default), {@code check} or {@code ranking}. */
  public String kind() {
    return metadata.getOrDefault("kind", "cause");
  }

  public boolean cause() {
    return "cause".equals(kind());
  }

  public String id() {
    return metadata.get("id");
  }

  public String meta(String key) {
    return metadata.get(key);
  }

  /** This variant rule with the metadata it leaves out taken from {@code lead}, the rule named after its id. */
  public DrlRule inheritFrom(DrlRule lead) {
    java.util.Map<String, String> meta = new java.util.HashMap<>(lead.metadata());
    meta.putAll(metadata);
    return new DrlRule(name, line, endLine, meta, metadataLines, consequence, thenLine);
  }

  /** The line of {@code @key}, else the rule's line. */
  public int lineOf(String key) {
    return metadataLines.getOrDefault(key, line);
  }
}
