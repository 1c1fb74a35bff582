package dev.tokendoctor.cli;

import dev.tokendoctor.report.Format;
import java.util.Locale;
import picocli.CommandLine.Option;

/** {@code --format text|json|markdown}; without it, text on a terminal and JSON elsewhere. */
public final class FormatOption {
  @Option(names = "--format", paramLabel = "text|json|markdown",
      description = "Output format (default: text on a terminal, json otherwise).")
  String format;

  Format resolve(CliContext ctx) throws UsageException {
    if (format == null) {
      return ctx.terminal() ? Format.TEXT : Format.JSON;
    }
    try {
      return Format.valueOf(format.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new UsageException("--format must be text, json or markdown, not '" + format + "'");
    }
  }
}
