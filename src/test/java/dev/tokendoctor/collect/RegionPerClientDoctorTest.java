package dev.tokendoctor.collect;

import static dev.tokendoctor.collect.FakeAws.callerIdentity;
import static dev.tokendoctor.collect.Keys.ACCOUNT;
import static dev.tokendoctor.collect.Keys.GOOD;
import static dev.tokendoctor.collect.Keys.GOOD_SECRET;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 12 point 5 on a real machine: working keys and only one of the two region variables set. Each client
 * reads its own variable (boto3 and the AWS CLI v1 only AWS_DEFAULT_REGION, the Java SDK only AWS_REGION, the
 * AWS CLI v2 both), so the finding names the clients that find no region, its evidence says which variable
 * each reads, and it is the problem only when the client that failed (--client) is one of them.
 */
class RegionPerClientDoctorTest {
  static final Path RULES = Path.of("rules");
  @TempDir Path home;

  @ParameterizedTest(name = "{0} set, client {1}")
  @CsvSource({
      "AWS_REGION,         '',              ok,      boto3 and the AWS CLI v1 will find no region",
      "AWS_REGION,         boto3,           problem, boto3 and the AWS CLI v1 will find no region",
      "AWS_REGION,         aws-cli-v1,      problem, boto3 and the AWS CLI v1 will find no region",
      "AWS_REGION,         aws-cli-v2,      ok,      boto3 and the AWS CLI v1 will find no region",
      "AWS_REGION,         aws-sdk-java-v2, ok,      boto3 and the AWS CLI v1 will find no region",
      "AWS_REGION,         terraform,       ok,      boto3 and the AWS CLI v1 will find no region",
      "AWS_DEFAULT_REGION, '',              ok,      'The Java, Go, JavaScript and .NET SDKs will find no region'",
      "AWS_DEFAULT_REGION, terraform,       problem, 'The Java, Go, JavaScript and .NET SDKs will find no region'",
      "AWS_DEFAULT_REGION, boto3,           ok,      'The Java, Go, JavaScript and .NET SDKs will find no region'",
      "AWS_DEFAULT_REGION, aws-cli-v2,      ok,      'The Java, Go, JavaScript and .NET SDKs will find no region'"})
  void theFindingNamesTheClientsWithoutARegionAndCountsOnlyForThem(String variable, String client, String verdict,
      String title) throws Exception {
    try (FakeAws aws = new FakeAws(FakeAws.keys(Map.of(GOOD, callerIdentity(Keys.userArn("alice"), "AIDACKCEVSQ6C2EXAMPLE", ACCOUNT))))) {
      Workstation w = new Workstation(home)
          .credentials("[default]\naws_access_key_id = " + GOOD + "\naws_secret_access_key = " + GOOD_SECRET + "\n")
          .env(variable, "us-east-1");
      List<String> args = new ArrayList<>(List.of("doctor", "--sts-endpoint", aws.uri().toString(), "--format", "json",
          "--rules", RULES.toAbsolutePath().toString()));
      if (!client.isEmpty()) {
        args.addAll(List.of("--client", client));
      }
      Workstation.Run r = w.run(args.toArray(String[]::new));
      JsonNode report = new ObjectMapper().readTree(r.out());
      assertThat(report.at("/verdict/status").asText()).as(r.out()).isEqualTo(verdict);
      assertThat(r.exitCode()).isEqualTo(verdict.equals("ok") ? 0 : 1);
      JsonNode finding = report.at("/findings/0");
      assertThat(finding.path("id").asText()).as(r.out()).isEqualTo("REGION_MISSING");
      assertThat(finding.path("title").asText()).isEqualTo(title);
      assertThat(finding.path("severity").asText()).isEqualTo(verdict.equals("ok") ? "warning" : "error");
      String other = variable.equals("AWS_REGION") ? "AWS_DEFAULT_REGION" : "AWS_REGION";
      assertThat(finding.at("/evidence/0/observation").asText())
          .contains("not in " + other + " (the only region variable")
          .contains(variable + " is set (us-east-1), but")
          .doesNotContain("AWS_REGION / AWS_DEFAULT_REGION");
    }
  }
}
