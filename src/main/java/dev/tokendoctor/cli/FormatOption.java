package dev.tokendoctor.cli;

import dev.tokendoctor.report.Format;
import dev.tokendoctor.report.ReplyOptions;
import dev.tokendoctor.report.ReplyReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * {@code --format text|json|markdown|reply}; without it, text on a terminal and JSON elsewhere. {@code reply} is
 * wrapped in the team's template: {@code --reply-template FILE}, else {@code TOKENDOCTOR_REPLY_TEMPLATE}, else
 * {@code reply/reply.mustache} of the rules folder in use, else the shipped one.
 */
public final class FormatOption {
  static final String TEMPLATE_ENV = "TOKENDOCTOR_REPLY_TEMPLATE";
  static final String TEMPLATE_IN_RULES = "reply/reply.mustache";

  @Option(names = "--format", paramLabel = "text|json|markdown|reply",
      description = "Output format (default: text on a terminal, json otherwise). reply: an answer to send the customer as is.")
  String format;

  @Option(names = "--reply-template", paramLabel = "FILE",
      description = "The Mustache template around --format reply (greeting, signature); also: " + TEMPLATE_ENV + ".")
  String replyTemplate;

  Format resolve(CliContext ctx) throws UsageException {
    if (format == null) {
      return ctx.terminal() ? Format.TEXT : Format.JSON;
    }
    try {
      return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format must be text, json, markdown or reply, not '" + format + "'");
    }
  }

  /**
   * The reply's template, read and checked now so that a broken one is bad usage (exit 2) before any work;
   * {@code rules} is the {@code --rules} folder, or {@code null}.
   */
  ReplyOptions reply(CliContext ctx, Path rules) throws UsageException {
    String shown = replyTemplate;
    Path file = replyTemplate == null ? null : ctx.resolve(replyTemplate);
    if (file == null && ctx.env().get(TEMPLATE_ENV) != null && !ctx.env().get(TEMPLATE_ENV).isBlank()) {
      shown = ctx.env().get(TEMPLATE_ENV);
      file = ctx.resolve(shown);
    }
    if (file == null) {
      Path dir = rules != null ? rules : ctx.env().get("TOKENDOCTOR_RULES") == null || ctx.env().get("TOKENDOCTOR_RULES").isBlank()
          ? null : ctx.resolve(ctx.env().get("TOKENDOCTOR_RULES"));
      if (dir == null || !Files.isRegularFile(dir.resolve(TEMPLATE_IN_RULES))) {
        return ReplyOptions.DEFAULT;
      }
      file = dir.resolve(TEMPLATE_IN_RULES);
      shown = file.toString();
    }
    String text;
    try {
      if (!Files.isRegularFile(file)) {
        throw new UsageException(shown + ": no such reply template file");
      }
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException(shown + ": cannot read the reply template: " + e.getMessage());
    }
    String problem = ReplyReport.problem(text, shown);
    if (problem != null) {
      throw new UsageException(problem);
    }
    return new ReplyOptions(text, shown, null);
  }
}
