package dev.tokendoctor.ticket;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The failing client's name and version as texts show them: user agents ({@code aws-cli/2.15.30 Python/3.11.8},
 * {@code Boto3/1.34.0}, {@code aws-sdk-java/2.25.0}, {@code aws-sdk-js/3.500.0}, {@code aws-sdk-go-v2/1.24.0}),
 * {@code --version} output ({@code Terraform v1.9.8}, {@code 2.167.0 (build 9b1e5fe)} after {@code cdk --version},
 * {@code Framework Core: 3.38.0}), and prose ("since upgrading the CDK to 2.167.0"). Tool names are those of
 * {@code rules/tables/tool-defects.csv} and {@code empty-token-clients.csv}.
 */
final class ToolVersions {
  private static final String VERSION = "v?(\\d+\\.\\d+(?:\\.\\d+)?(?:[-.][0-9A-Za-z]+)?)";
  private static final List<Form> FORMS = List.of(
      new Form(Pattern.compile("\\baws-cli/" + VERSION), "aws-cli"),
      new Form(Pattern.compile("\\b[Bb]oto3/" + VERSION), "boto3"),
      new Form(Pattern.compile("\\baws-sdk-java/(2\\.\\d+\\.\\d+)"), "aws-sdk-java-v2"),
      new Form(Pattern.compile("\\baws-sdk-java/(1\\.\\d+\\.\\d+)"), "aws-sdk-java"),
      new Form(Pattern.compile("\\baws-sdk-js/(3\\.\\d+\\.\\d+)"), "aws-sdk-js-v3"),
      new Form(Pattern.compile("\\baws-sdk-js/(2\\.\\d+\\.\\d+)"), "aws-sdk-js"),
      new Form(Pattern.compile("\\baws-sdk-go-v2/" + VERSION), "aws-sdk-go-v2"),
      new Form(Pattern.compile("\\baws-sdk-go/" + VERSION), "aws-sdk-go"),
      new Form(Pattern.compile("\\baws-cdk(?:-lib)?[/@ ]" + VERSION), "aws-cdk"),
      new Form(Pattern.compile("(?m)\\bcdk (?:--version|version)\\s*\\n\\s*(\\d+\\.\\d+\\.\\d+) \\(build"), "aws-cdk"),
      new Form(Pattern.compile("\\bTerraform " + VERSION), "terraform"),
      new Form(Pattern.compile("\\b[Ff]ramework Core: " + VERSION), "serverless"),
      new Form(Pattern.compile("\\b[Ss]erverless(?: Framework)?[/ ]" + VERSION), "serverless"),
      new Form(Pattern.compile("\\b[Bb]otocore/" + VERSION), "botocore"));
  private static final Pattern UPGRADED = Pattern.compile(
      "(?i)\\b(?:since|after) (?:upgrading|updating|moving|bumping)(?: (?:to|the )?([A-Za-z][A-Za-z0-9 -]{0,20}?))?(?: to| from \\S+ to)? " + VERSION);
  private static final List<Form> NAMES = List.of(
      new Form(Pattern.compile("(?i)\\bcdk\\b"), "aws-cdk"), new Form(Pattern.compile("(?i)\\bterraform\\b"), "terraform"),
      new Form(Pattern.compile("(?i)\\bserverless\\b|\\bsls\\b"), "serverless"), new Form(Pattern.compile("(?i)\\bboto3\\b"), "boto3"),
      new Form(Pattern.compile("(?i)\\baws[ -]cli\\b|\\bcli\\b|(?m)^\\s*(?:\\$|PS [^>]*>|C:\\\\[^>]*>)\\s*aws\\s+[a-z0-9-]+"), "aws-cli"),
      new Form(Pattern.compile("(?i)\\bjava sdk v2\\b|\\bsdk for java 2"), "aws-sdk-java-v2"),
      new Form(Pattern.compile("(?i)\\bjs sdk v3\\b|\\bsdk for javascript v3|@aws-sdk/"), "aws-sdk-js-v3"));

  private ToolVersions() {}

  private record Form(Pattern pattern, String tool) {}

  /**
   * A client seen in the text.
   *
   * @param tool its name
   * @param version its version
   * @param offset where in the text it was seen
   */
  record Seen(String tool, String version, int offset) {}

  /** The first client with a version the text shows (user agents before prose), or {@code null}. */
  static Seen find(String text) {
    Seen best = null;
    for (Form f : FORMS) {
      Matcher m = f.pattern.matcher(text);
      if (m.find() && (best == null || m.start() < best.offset())) {
        best = new Seen(f.tool, m.group(1), m.start());
      }
    }
    if (best != null) {
      return best;
    }
    Matcher m = UPGRADED.matcher(text);
    if (m.find()) {
      String named = m.group(1) == null ? text : m.group(1);
      String tool = toolNamed(named);
      return new Seen(tool == null ? toolNamed(text) : tool, m.group(2), m.start());
    }
    return null;
  }

  /** The client a text names without a version (prose: "our CDK deploy"), or {@code null}. */
  static String toolNamed(String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    for (Form f : NAMES) {
      if (f.pattern.matcher(lower).find()) {
        return f.tool;
      }
    }
    return null;
  }
}
