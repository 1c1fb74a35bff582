package dev.tokendoctor.collect;

import java.util.List;
import java.util.Locale;

/** The clients whose views of the machine the collector reconstructs, and how a ticket names them. */
final class Clients {
  static final String JAVA = "java-sdk-v2";
  static final String BOTOCORE = "botocore";
  static final String CLI = "cli-v2";
  static final List<String> ALL = List.of(JAVA, BOTOCORE, CLI);

  private Clients() {}

  /**
   * The client whose view counts as the failing one: the client the ticket names when it is one of ours,
   * else the AWS SDK for Java v2 (whose order most SDKs share: env, then profile, no AWS_DEFAULT_REGION).
   */
  static String effective(String clientTool, String clientVersion) {
    if (clientTool == null) {
      return JAVA;
    }
    String t = clientTool.toLowerCase(Locale.ROOT).strip();
    if (t.equals("boto3") || t.equals("botocore") || t.equals("aws-cli-v1") || t.equals("awscli")
        || (t.equals("aws-cli") && clientVersion != null && clientVersion.startsWith("1."))) {
      return BOTOCORE;
    }
    if (t.equals("aws-cli") || t.equals("aws-cli-v2") || t.equals("aws")) {
      return CLI;
    }
    return JAVA;
  }
}
