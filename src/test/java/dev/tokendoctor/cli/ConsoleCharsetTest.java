package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** What standard output is written in, per locale encoding ({@code native.encoding}). */
class ConsoleCharsetTest {
  @Test
  void theCLocaleWritesUtf8() {
    // What Java reports under LANG=C / LC_ALL=POSIX on Linux.
    assertThat(CliContext.consoleCharset("ANSI_X3.4-1968")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CliContext.consoleCharset("US-ASCII")).isEqualTo(StandardCharsets.UTF_8);
  }

  @Test
  void otherLocalesKeepTheirEncoding() {
    assertThat(CliContext.consoleCharset("UTF-8")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CliContext.consoleCharset("ISO-8859-1")).isEqualTo(StandardCharsets.ISO_8859_1);
  }

  @Test
  void anUnknownOrMissingEncodingWritesUtf8() {
    assertThat(CliContext.consoleCharset("no-such-charset")).isEqualTo(StandardCharsets.UTF_8);
    assertThat(CliContext.consoleCharset(null)).isEqualTo(StandardCharsets.UTF_8);
  }
}
