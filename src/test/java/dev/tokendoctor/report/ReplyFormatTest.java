package dev.tokendoctor.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tokendoctor.cli.CliContext;
import dev.tokendoctor.cli.CliRun;
import dev.tokendoctor.cli.Main;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code --format reply} on every sample bundle and on pasted errors: what a support lead would send. Golden
 * expectations on structure: the team's greeting and signature, no cause ids, scores or ruled-out lists, no
 * relative times, links to AWS documentation only, no HTML entities, the fix of the first cause only.
 */
class ReplyFormatTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern URL = Pattern.compile("https?://[^\\s)>`]+");
  private static final Pattern RELATIVE = Pattern.compile(
      "\\d+\\s?(d|h|min|s|days?|hours?|minutes?|seconds?)\\b[^.\\n]{0,12}\\b(ago|before this check)");

  static Stream<String> samples() throws IOException {
    List<String> all = new ArrayList<>();
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      s.map(Path::toString).filter(p -> p.endsWith(".json")).sorted().forEach(all::add);
    }
    for (String code : List.of("InvalidClientTokenId", "SignatureDoesNotMatch", "ExpiredToken", "AccessDenied")) {
      all.add("pasted:" + code);
    }
    all.add("pasted:");
    return all.stream();
  }

  static Set<String> causeIds() throws IOException {
    Set<String> ids = new HashSet<>();
    for (String line : Files.readAllLines(Path.of("rules/causes.csv"))) {
      if (!line.startsWith("#") && line.contains(",") && !line.startsWith("id,")) {
        ids.add(line.substring(0, line.indexOf(',')));
      }
    }
    return ids;
  }

  /** One knowledge base for every run, as the daemon keeps it: the runs test rendering, not loading. */
  private static final KnowledgeBaseMemo KB = new KnowledgeBaseMemo(1);

  static CliRun run(String sample, String format) throws IOException {
    String bundle = "";
    String input = sample;
    if (sample.startsWith("pasted:")) {
      String code = sample.substring("pasted:".length());
      bundle = code.isEmpty() ? "{\"schemaVersion\": 1}"
          : "{\"schemaVersion\": 1, \"ticket\": {\"errorText\": \"An error occurred (" + code
              + ") when calling the GetCallerIdentity operation\", \"errorCode\": \"" + code + "\"}}";
      input = "-";
    }
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new ByteArrayInputStream(bundle.getBytes(StandardCharsets.UTF_8)),
        new PrintWriter(out, true), new PrintWriter(err, true), Map.of(), Path.of("target/test-home"),
        Path.of("").toAbsolutePath(), Clock.systemUTC(), false, KB);
    int code = Main.run(ctx, "diagnose", input, "--format", format);
    return new CliRun(code, out.toString(), err.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void theReplyIsWhatASupportLeadWouldSend(String sample) throws IOException {
    String reply = run(sample, "reply").out();
    JsonNode report = JSON.readTree(run(sample, "json").out());
    assertThat(reply).startsWith("Hello,").contains("Best regards,\nThe Cloud Support team");
    for (String id : causeIds()) {
      assertThat(reply).as("no cause id").doesNotContainPattern("\\b" + id + "\\b");
    }
    assertThat(reply).doesNotContainPattern("&(lt|gt|amp|quot|#\\d+);").doesNotContain("score", "Ruled out", "ruled out");
    assertThat(reply).doesNotContainPattern(RELATIVE.pattern());
    assertThat(reply).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}");
    Matcher m = URL.matcher(reply);
    while (m.find()) {
      String host = URI.create(m.group()).getHost();
      assertThat(host).as(m.group()).isIn("docs.aws.amazon.com", "aws.amazon.com", "repost.aws", "sts.amazonaws.com");
    }
    JsonNode findings = report.path("findings");
    if (report.has("differential")) {
      // No rule explains the refusal: no finding is presented as the cause, and the customer is asked.
      assertThat(reply).contains("Could you run", "tokendoctor collect -o bundle.json").doesNotContain("**How to fix it:**");
    } else if (findings.size() > 0 && !"info".equals(findings.get(0).path("severity").asText())) {
      assertThat(reply).contains("**What we found:**", "**How to fix it:**");
      Set<String> topFix = new HashSet<>();
      findings.get(0).path("remediation").forEach(s -> topFix.add(s.asText()));
      // No command of a lower-ranked finding that the first does not share: its fix could do harm.
      for (int i = 1; i < findings.size(); i++) {
        for (JsonNode step : findings.get(i).path("remediation")) {
          String s = step.asText();
          if (s.startsWith("$ ") && !topFix.contains(s)) {
            assertThat(fixSection(reply).lines()).as("fix of " + findings.get(i).path("id").asText())
                .doesNotContain(s.substring(2));
          }
        }
      }
    }
  }

  private static String fixSection(String reply) {
    int from = reply.indexOf("**How to fix it:**");
    return from < 0 ? "" : reply.substring(from);
  }

  @Test
  void timesAreAbsoluteUtc() throws IOException {
    String reply = run("facts-samples/temp-credentials-expired.json", "reply").out();
    assertThat(reply).containsPattern("expired \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC")
        .containsPattern("before the check at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
  }

  @Test
  void theTeamsTemplateComesFromAnOptionOrTheEnvironment(@TempDir Path dir) throws IOException {
    Path t = dir.resolve("ours.mustache");
    Files.writeString(t, "Hi there,\n\n{{{answer}}}\n\n{{#hasCause}}Cause: {{cause}}{{/hasCause}}\n-- Team Ops\n");
    CliRun r = withTemplate(t);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).startsWith("Hi there,").contains("Cause: A temporary (ASIA) access key", "-- Team Ops")
        .doesNotContain("Best regards");
    CliRun env = CliRun.with(Map.of("TOKENDOCTOR_REPLY_TEMPLATE", t.toString()), "",
        "diagnose", "facts-samples/session-token-missing.json", "--format", "reply");
    assertThat(env.out()).startsWith("Hi there,");
  }

  @Test
  void aBrokenTemplateIsBadUsageInOneLine(@TempDir Path dir) throws IOException {
    Path t = dir.resolve("broken.mustache");
    Files.writeString(t, "Hello\n{{#hasCause}}\nno end\n");
    CliRun r = withTemplate(t);
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).startsWith("tokendoctor: error: " + t).contains("not a Mustache template").doesNotContain("\n");
    CliRun missing = withTemplate(dir.resolve("none"));
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err()).contains("no such reply template file");
  }

  private static CliRun withTemplate(Path template) {
    return CliRun.of("diagnose", "facts-samples/session-token-missing.json", "--format", "reply",
        "--reply-template", template.toString());
  }

  @Test
  void linksToOtherHostsAreDropped() {
    assertThat(ReplyReport.awsDoc("https://docs.aws.amazon.com/IAM/latest/UserGuide/x.html")).isTrue();
    assertThat(ReplyReport.awsDoc("https://github.com/aws/aws-cli/issues/1")).isFalse();
    assertThat(ReplyReport.awsDoc("http://docs.aws.amazon.com/x")).isFalse();
    assertThat(ReplyReport.awsDoc("https://docs.aws.amazon.com.evil.example/x")).isFalse();
    assertThat(ReplyReport.awsDoc("https://user@docs.aws.amazon.com/x")).isFalse();
    assertThat(ReplyReport.plain("see https://github.com/boto/botocore/issues/2 and <your key>", null, Set.of()))
        .isEqualTo("see and `<your key>`");
  }
}
