package dev.tokendoctor.batch;

import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseLoader;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The text-ticket benchmark ({@code bench/batch-text.sh}, {@code BatchBenchmark --text}): in one run, {@code batch} over N tickets as bundles
 * (the floor: {@link BatchBenchmark}'s ticket file) and over N tickets as text, as JSON lines with {@code "text"}
 * and as a help-desk CSV export with metadata columns, each after a warm-up pass, on all cores, and over the bundles
 * once more (the better of the two bundle runs is the floor); prints tickets/s
 * and the ratios text/bundles (issue 14's target: text within 2x of bundles, a ratio of 0.5 or more). Not a test:
 * no figure is asserted.
 */
final class TextBatchBenchmark {
  /** Ticket texts as customers write them: a pasted error, a configure list, env lines, a stack trace, prose. */
  static final List<String> TEXTS = List.of(
      "Hi,\n\nsince this morning every call fails. I ran `aws sts get-caller-identity --profile dev` and got:\n\n"
          + "An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token "
          + "included in the request is invalid.\n\n$ aws --version\naws-cli/2.22.4 Python/3.12.6 Linux/6.1.0 exe/x86_64.debian.12\n\nThanks, Dana",
      "Terraform plan fails in CI:\n\n```\nError: configuring Terraform AWS Provider: validating provider credentials: "
          + "retrieving caller identity from STS: operation error STS: GetCallerIdentity, https response error "
          + "StatusCode: 403, RequestID: 5c1e0d6a-1b2c-4d3e-8f90-123456789abc, api error SignatureDoesNotMatch: The "
          + "request signature we calculated does not match the signature you provided.\n```\nTerraform v1.9.8 on linux_amd64",
      "boto3 script stopped working:\n\nTraceback (most recent call last):\n  File \"sync.py\", line 12, in <module>\n"
          + "    s3.list_buckets()\nbotocore.exceptions.ClientError: An error occurred (ExpiredToken) when calling the "
          + "ListBuckets operation: The provided token has expired.\n\nenv | grep AWS\nAWS_PROFILE=analytics\n"
          + "AWS_DEFAULT_REGION=eu-west-1\nAWS_SESSION_TOKEN=(removed)\n",
      "      Name                    Value             Type    Location\n      ----                    -----             ----    --------\n"
          + "   profile                <not set>             None    None\naccess_key     ****************MPLE shared-credentials-file\n"
          + "secret_key     ****************EKEY shared-credentials-file\n    region                us-east-1      config-file    ~/.aws/config\n\n"
          + "and still: An error occurred (InvalidClientTokenId) when calling the ListUsers operation",
      "Hello team, our deploy pipeline has been failing since Monday, nothing changed on our side. Can you check "
          + "what is wrong with our account? We use the CDK (2.167.0). Regards, Sam");

  private TextBatchBenchmark() {}

  /** Runs it (from {@code BatchBenchmark --text}, which owns the command line); prints to {@code out}. */
  static void run(int tickets, Path samples, Path rules, Path work, PrintStream out) throws Exception {
    Files.createDirectories(work);
    int cores = Runtime.getRuntime().availableProcessors();
    int warm = Math.min(tickets, 2_000);
    Path bundles = work.resolve("bundles.jsonl");
    Path lines = work.resolve("text.jsonl");
    Path csv = work.resolve("export.csv");
    BatchBenchmark.generate(samples, bundles, tickets);
    BatchBenchmark.generate(samples, work.resolve("bundles-warm.jsonl"), warm);
    textLines(lines, tickets);
    textLines(work.resolve("text-warm.jsonl"), warm);
    csvExport(csv, tickets);
    csvExport(work.resolve("export-warm.csv"), warm);
    out.printf(Locale.ROOT, "input: %,d tickets each as bundles (%,d KiB), text lines (%,d KiB), a CSV export (%,d KiB); "
        + "%d cores, Java %s%n", tickets, Files.size(bundles) >> 10, Files.size(lines) >> 10, Files.size(csv) >> 10, cores,
        Runtime.version());
    KnowledgeBase kb = KnowledgeBaseLoader.load(RuleSource.fromDirectory(rules));
    Diagnoser diagnoser = Diagnoser.forRows(KnowledgeBases.forRows(kb), () -> kb); // as batch runs

    BatchBenchmark.batch(diagnoser, work.resolve("bundles-warm.jsonl"), work.resolve("out-warm"), cores);
    double floor = BatchBenchmark.batch(diagnoser, bundles, work.resolve("out-bundles"), cores);
    BatchBenchmark.batch(diagnoser, work.resolve("text-warm.jsonl"), work.resolve("out-warm"), cores);
    double text = BatchBenchmark.batch(diagnoser, lines, work.resolve("out-text"), cores);
    BatchBenchmark.batch(diagnoser, work.resolve("export-warm.csv"), work.resolve("out-warm"), cores);
    double export = BatchBenchmark.batch(diagnoser, csv, work.resolve("out-csv"), cores);
    // Bundles once more after the text runs: a machine shared with other work, or a JIT still settling, shows as
    // two floors that differ; the better one is the floor.
    double again = BatchBenchmark.batch(diagnoser, bundles, work.resolve("out-bundles"), cores);
    out.printf(Locale.ROOT, "bundles before the text runs %,.0f tickets/s, after %,.0f%n", floor, again);
    floor = Math.max(floor, again);

    out.printf(Locale.ROOT, "%-46s %,10.0f tickets/s%n", "floor: batch over bundles, " + cores + " threads", floor);
    out.printf(Locale.ROOT, "%-46s %,10.0f tickets/s%n", "batch over text lines", text);
    out.printf(Locale.ROOT, "%-46s %,10.0f tickets/s%n", "batch over a CSV export", export);
    out.printf(Locale.ROOT, "ratio text lines/bundles = %.2f  (target >= 0.50: within 2x of bundles)%n", text / floor);
    out.printf(Locale.ROOT, "ratio CSV export/bundles = %.2f%n", export / floor);
  }

  /** {@code n} JSON lines {@code {"ticket", "text", "created", "client tool"}} cycling over {@link #TEXTS}. */
  static void textLines(Path file, int n) throws IOException {
    var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        var line = mapper.createObjectNode().put("ticket", String.format(Locale.ROOT, "T-%07d", i))
            .put("text", TEXTS.get(i % TEXTS.size())).put("created", created(i)).put("client tool", tool(i));
        w.write(mapper.writeValueAsString(line));
        w.write('\n');
      }
    }
  }

  /** A Zendesk-like export of {@code n} tickets: quoted multi-line bodies and metadata columns. */
  static void csvExport(Path file, int n) throws IOException {
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      w.write("Id,Subject,Description,Created at,Requester,Client tool\r\n");
      for (int i = 0; i < n; i++) {
        w.write(i + ",\"Credentials refused, ticket " + i + "\",\"" + TEXTS.get(i % TEXTS.size()).replace("\"", "\"\"")
            + "\"," + created(i) + ",customer-" + (i % 97) + "," + tool(i) + "\r\n");
      }
    }
  }

  private static String created(int i) {
    return java.time.LocalDate.of(2026, 9, 1).plusDays(i % 90) + "T10:00:00Z";
  }

  private static String tool(int i) {
    return List.of("aws-cli/2.22.4", "Terraform v1.9.8", "boto3 1.35.0", "aws-cdk 2.167.0").get(i % 4);
  }
}
