package dev.tokendoctor.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * What {@code --format reply} needs beyond the diagnosis.
 *
 * @param template the team's Mustache template (greeting, signature) around the answer; {@code null} for the one
 *     shipped in {@code rules/reply/reply.mustache}
 * @param templateName where the template came from, for error messages
 * @param reference when the facts were collected, so "9 h before this check" can be written as a UTC time;
 *     {@code null} when unknown
 */
public record ReplyOptions(String template, String templateName, Instant reference) {
  /** The shipped template's place on the class path (the copy of {@code rules/} in the jar). */
  public static final String SHIPPED = "tokendoctor/rules/reply/reply.mustache";
  public static final ReplyOptions DEFAULT = new ReplyOptions(null, null, null);

  /** The template text: this one's, else the shipped one, else the bare answer. */
  String templateText() {
    if (template != null) {
      return template;
    }
    try (InputStream in = ReplyOptions.class.getClassLoader().getResourceAsStream(SHIPPED)) {
      return in == null ? "{{{answer}}}\n" : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "{{{answer}}}\n";
    }
  }

  String name() {
    return templateName != null ? templateName : template == null ? "rules/reply/reply.mustache" : "the reply template";
  }

  public ReplyOptions withReference(Instant at) {
    return new ReplyOptions(template, templateName, at);
  }
}
