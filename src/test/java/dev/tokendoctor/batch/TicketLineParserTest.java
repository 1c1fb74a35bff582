package dev.tokendoctor.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.facts.TicketContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** A batch line's pasted error goes through the one ticket parser: it is always scrubbed, whichever member carries it. */
class TicketLineParserTest {
  static final String SECRET = "kq7Vd2Lx9Qm4Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9O";
  static final String ERROR = "An error occurred (SignatureDoesNotMatch) when calling the GetCallerIdentity operation: "
      + "aws_secret_access_key=" + SECRET + " Signature=4f0c2e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6";

  @Test
  void theErrorMemberAndTheContextsErrorTextAreScrubbed() throws Exception {
    String bundle = Files.readString(Path.of("facts-samples/session-token-missing.json"));
    TicketLineParser parser = new TicketLineParser(new BundleCodec());
    for (String line : new String[] {
        "{\"ticket\": \"T-1\", \"bundle\": " + bundle + ", \"error\": \"" + ERROR + "\"}",
        "{\"ticket\": \"T-2\", \"bundle\": " + bundle + ", \"context\": {\"errorText\": \"" + ERROR + "\", \"errorCode\": \"ExpiredToken\"}}"}) {
      TicketContext t = parser.parseLine(line.getBytes(StandardCharsets.UTF_8), "in.jsonl:1", new ArrayList<>()).bundle().ticket();
      assertThat(t.errorText()).doesNotContain(SECRET).doesNotContain("4f0c2e9d8b7a6f5e").contains("(redacted)");
      assertThat(t.errorCode()).isIn("SignatureDoesNotMatch", "ExpiredToken");
    }
  }
}
