package dev.tokendoctor.batch;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.TicketContext;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The client tool and version of a ticket, for the report's breakdown: what the ticket's facts name (the text's
 * user agent or {@code --version} output, the line's {@code context}) wins; else the help desk's metadata
 * columns, a tool column ({@code Client tool}, {@code SDK}, {@code User agent}: {@code aws-cli/2.22.4 Python/3.12},
 * {@code Terraform v1.9.8}, {@code boto3 1.35.0} or a bare name) and a version column ({@code Client version},
 * {@code SDK version}...). Names are made the same way as the facts name them ({@code AWS CLI} is {@code aws-cli}).
 */
final class ClientTools {
  /** Metadata names (compared without case, spaces or punctuation) that hold the client tool. */
  static final List<String> TOOL_NAMES = List.of("clienttool", "client", "tool", "sdk", "clientsdk", "useragent",
      "awstool", "awsclient", "awssdk", "integration");
  /** Metadata names that hold its version. */
  static final List<String> VERSION_NAMES = List.of("clientversion", "toolversion", "sdkversion", "cliversion",
      "version");
  /** A version after a space: {@code Terraform v1.9.8}, {@code boto3 1.35.0}. */
  private static final Pattern SPACED_VERSION = Pattern.compile("\\s+v?(\\d+(?:\\.\\d+)+[0-9A-Za-z.-]*)");
  private static final Pattern VERSION = Pattern.compile("v?(\\d+(?:\\.\\d+)+[0-9A-Za-z.-]*)");
  private static final Map<String, String> ALIASES = Map.ofEntries(Map.entry("awscli", "aws-cli"),
      Map.entry("cli", "aws-cli"), Map.entry("awscliv2", "aws-cli"), Map.entry("cdk", "aws-cdk"),
      Map.entry("awscdk", "aws-cdk"), Map.entry("awscdklib", "aws-cdk"), Map.entry("sls", "serverless"),
      Map.entry("serverlessframework", "serverless"), Map.entry("javasdkv2", "aws-sdk-java-v2"),
      Map.entry("awssdkjavav2", "aws-sdk-java-v2"), Map.entry("jssdkv3", "aws-sdk-js-v3"),
      Map.entry("awssdkjsv3", "aws-sdk-js-v3"));

  private ClientTools() {}

  /** The client that failed as the facts name it, or {@code null}. */
  static Row.Client fromFacts(FactBundle facts) {
    TicketContext t = facts.ticket();
    if (t == null || blank(t.clientTool())) {
      return null;
    }
    return new Row.Client(t.clientTool().strip(), blank(t.clientVersion()) ? null : t.clientVersion().strip());
  }

  /** The client of a row: its facts', else its metadata's, else {@code null}. */
  static Row.Client of(Row r) {
    Row.Client fromMeta = fromMeta(r.meta());
    if (r.client() != null) {
      String version = r.client().version();
      if (version == null && fromMeta != null && r.client().tool().equals(fromMeta.tool())) {
        version = fromMeta.version();
      }
      return new Row.Client(r.client().tool(), version);
    }
    return fromMeta;
  }

  static Row.Client fromMeta(Map<String, String> meta) {
    String tool = null;
    String version = null;
    for (Map.Entry<String, String> e : meta.entrySet()) {
      String name = CsvColumns.normal(e.getKey());
      if (tool == null && TOOL_NAMES.contains(name) && !blank(e.getValue())) {
        Row.Client c = parse(e.getValue());
        if (c != null) {
          tool = c.tool();
          version = c.version() != null ? c.version() : version;
        }
      } else if (VERSION_NAMES.contains(name) && !blank(e.getValue())) {
        Matcher m = VERSION.matcher(e.getValue());
        if (m.find()) {
          version = m.group(1);
        }
      }
    }
    return tool == null ? null : new Row.Client(tool, version);
  }

  /**
   * A tool column's value: a user agent ({@code aws-cli/2.22.4 Python/3.12}: its first product), a name and a
   * version ({@code Terraform v1.9.8}), or a bare name ({@code AWS CLI}); {@code null} when it names nothing.
   */
  static Row.Client parse(String value) {
    String v = value.strip();
    String first = v.split("\\s+")[0];
    int slash = first.indexOf('/');
    String name;
    String version = null;
    if (slash > 0) {
      name = first.substring(0, slash);
      Matcher m = VERSION.matcher(first.substring(slash + 1));
      version = m.lookingAt() ? m.group(1) : null;
    } else {
      Matcher m = SPACED_VERSION.matcher(v);
      name = m.find() ? v.substring(0, m.start()) : v;
      version = m.find(0) ? m.group(1) : null;
    }
    if (name.isBlank() || !Character.isLetter(name.strip().charAt(0))) {
      return null;
    }
    return new Row.Client(canonical(name, version), version);
  }

  /** The name as the facts write it: lower case, words joined by {@code -}, the SDKs' major version named. */
  static String canonical(String name, String version) {
    String n = name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", "-");
    String alias = ALIASES.get(n.replaceAll("[^a-z0-9]", ""));
    if (alias != null) {
      return alias;
    }
    String major = version == null ? "" : version.replaceAll("\\..*", "");
    if (n.equals("aws-sdk-java") && major.equals("2")) {
      return "aws-sdk-java-v2";
    }
    if (n.equals("aws-sdk-js") && major.equals("3")) {
      return "aws-sdk-js-v3";
    }
    return n;
  }

  private static boolean blank(String s) {
    return s == null || s.isBlank();
  }
}
