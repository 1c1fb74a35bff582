package dev.tokendoctor.diagnosis;

import java.util.Set;

/**
 * One named piece of wording from a cause's template file ({@code rules/<section>/<ID>.templates.md}): a piece
 * of evidence, a fix step (with its commands) or the evidence of a check, with named placeholders
 * ({@code {{keyId}}}) that the rule fills by name.
 *
 * @param cause the cause id the file belongs to (its name without {@code .templates.md})
 * @param kind {@code evidence}, {@code fix} or {@code check}
 * @param name the name the rule uses ({@code .fix("deleteCache", ...)})
 * @param file the template file, as shown to people
 * @param line the line of its {@code ## kind name} heading
 * @param position its place in the file: fix steps and evidence are listed in this order
 * @param text the template as written
 * @param placeholders the names it uses, variables and sections alike
 * @param compiled the template compiled by jmustache
 */
public record Template(
    String cause, String kind, String name, String file, int line, int position, String text, Set<String> placeholders,
    com.samskivert.mustache.Template compiled) {

  public Template {
    placeholders = Set.copyOf(placeholders);
  }

  /** Where it is written, for messages: {@code rules/x/ID.templates.md:12}. */
  public String where() {
    return file + ":" + line;
  }
}
