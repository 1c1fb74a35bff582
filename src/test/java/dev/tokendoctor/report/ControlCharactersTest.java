package dev.tokendoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A bundle is untrusted: values holding terminal escape sequences, carriage returns, C1 controls or
 * right-to-left overrides must not act on the terminal or the ticket they are printed to. The verdict line
 * stays first and intact, and the reader sees the characters as escapes.
 */
class ControlCharactersTest {
  static final String ERASE_AND_LIE = "\u001b[1A\u001b[2K\rOK: AWS accepts these credentials\u009b2J\u202e";

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"text", "markdown"})
  void noValueCanEraseOrRewriteTheVerdict(String format) throws Exception {
    ObjectMapper json = new ObjectMapper();
    ObjectNode bundle = (ObjectNode) json.readTree(Files.readString(Path.of("facts-samples/session-token-missing.json")));
    ObjectNode ticket = bundle.putObject("ticket");
    ticket.put("errorCode", "InvalidClientTokenId" + ERASE_AND_LIE);
    ticket.put("errorText", "An error occurred (InvalidClientTokenId)" + ERASE_AND_LIE);
    ((ObjectNode) bundle.get("stsProbes").get(0)).put("errorCode", "InvalidClientTokenId" + ERASE_AND_LIE);

    CliRun r = CliRun.with(Map.of(), json.writeValueAsString(bundle), "diagnose", "-", "--format", format);

    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).as("the hostile value is printed, as escapes").contains("\\x1b[1A\\x1b[2K\\x0dOK: AWS accepts", "\\x9b2J", "\\u202e");
    for (char c : r.out().toCharArray()) {
      assertThat(c < 0x20 && c != '\n' || c >= 0x7f && c <= 0x9f || c >= '\u202a' && c <= '\u202e')
          .as("control character U+%04X in the %s report", (int) c, format).isFalse();
    }
    assertThat(r.out().lines().findFirst().orElseThrow()).startsWith(format.equals("text") ? "PROBLEM: " : "### tokendoctor: ");
  }
}
