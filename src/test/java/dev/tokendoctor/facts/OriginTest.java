package dev.tokendoctor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Origins show the text bundles and reports always showed, read it back, and answer questions about the place. */
class OriginTest {
  private static final List<Origin> BUILT = List.of(
      Origin.env("AWS_SESSION_TOKEN"),
      Origin.property("~/.aws/credentials", 12, "dev", "aws_access_key_id"),
      Origin.property("C:\\Users\\Jo Smith\\.aws\\config", 4, "profile dev", "region"),
      Origin.section("~/.aws/config", 3, "profile dev"),
      Origin.file("~/.aws/credentials", 7),
      Origin.file("~/.aws/credentials", 0),
      Origin.cache("~/.aws/cli/cache/ab12.json", "Expiration"),
      Origin.cache("~/.aws/sso/cache/cd34.json", null),
      Origin.property("~/.aws/config", 9, "corp", "credential_process").processOutput("AccessKeyId"),
      Origin.stsProbe("us-east-1 -> 403 InvalidClientTokenId"),
      Origin.stsProbe("us-east-1 Date header"),
      Origin.option("--verify-with", "ops"),
      Origin.option("--profile", null),
      Origin.byDefault(),
      Origin.notSet(),
      Origin.clock(),
      Origin.ticket(),
      Origin.ticketLine(4),
      Origin.ticketLine(4, "env AWS_REGION"),
      Origin.ticketLine(5, "aws configure list: access_key, from shared-credentials-file (x)"),
      Origin.property("ticket", 3, "default", "aws_access_key_id"),
      Origin.section("ticket", 2, "profile dev"));

  @Test
  void theShownTextIsTheOneBundlesAndReportsAlwaysHad() {
    assertThat(Origin.env("AWS_PROFILE")).hasToString("env AWS_PROFILE");
    assertThat(Origin.property("~/.aws/credentials", 12, "dev", "aws_access_key_id"))
        .hasToString("~/.aws/credentials:12 [dev] aws_access_key_id");
    assertThat(Origin.section("~/.aws/config", 3, "profile dev")).hasToString("~/.aws/config:3 [profile dev]");
    assertThat(Origin.file("~/.aws/credentials", 0)).hasToString("~/.aws/credentials");
    assertThat(Origin.cache("~/.aws/cli/cache/ab12.json", "Expiration")).hasToString("~/.aws/cli/cache/ab12.json Expiration");
    assertThat(Origin.property("~/.aws/config", 9, "corp", "credential_process").processOutput("SessionToken"))
        .hasToString("~/.aws/config:9 [corp] credential_process (process output SessionToken)");
    assertThat(Origin.option("--verify-with", "ops")).hasToString("--verify-with ops");
    assertThat(Origin.ticketLine(4, "env AWS_REGION")).hasToString("ticket line 4 (env AWS_REGION)");
  }

  @Test
  void aPastedSharedFileLineIsATicketLine() {
    Origin o = Origin.property("ticket", 3, "default", "aws_access_key_id");
    assertThat(o).hasToString("ticket line 3 [default] aws_access_key_id");
    assertThat(o.kind()).isEqualTo(Origin.Kind.TICKET_LINE);
    assertThat(o.fromTicket()).isTrue();
    assertThat(o.isProperty("aws_access_key_id")).isTrue();
    assertThat(Origin.file("ticket", 9)).hasToString("ticket line 9");
  }

  @Test
  void everyBuiltOriginReadsBackAsItself() {
    for (Origin o : BUILT) {
      Origin read = Origin.parse(o.toString());
      assertThat(read).as(o.toString()).isEqualTo(o);
      assertThat(read.kind()).as(o.toString()).isEqualTo(o.kind());
      assertThat(read.toString()).isEqualTo(o.toString());
    }
  }

  @Test
  void anyTextReadsBackToTheSameText() {
    for (String t : List.of("", "profile dev region", "ticket error text", "something: odd [x", "env", "env A B",
        "ticket line x", "STS ", "--", "~/.aws/credentials:", "a:1 [b] c d", "a:99999999999 [b] c", "ticket line 99999999999")) {
      assertThat(Origin.parse(t)).as(t).hasToString(t);
    }
    assertThat(Origin.parse("profile dev region").kind()).isEqualTo(Origin.Kind.OTHER);
    assertThat(Origin.parse(null)).isNull();
  }

  @Test
  void questionsAboutThePlace() {
    Origin env = Origin.parse("env AWS_DEFAULT_PROFILE");
    assertThat(env.fromEnvironment()).isTrue();
    assertThat(env.variable()).isEqualTo("AWS_DEFAULT_PROFILE");
    assertThat(env.isVariable("AWS_PROFILE")).isFalse();
    assertThat(env.place()).isEqualTo("env");
    Origin region = Origin.parse("~/.aws/config:4 [profile dev] region");
    assertThat(region.fromEnvironment()).isFalse();
    assertThat(region.variable()).isNull();
    assertThat(region.isProperty("region")).isTrue();
    assertThat(region.profile()).isEqualTo("dev");
    assertThat(region.inSharedFile()).isTrue();
    assertThat(region.place()).isEqualTo("profile");
    Origin cache = Origin.parse("~/.aws/cli/cache/ab12.json Expiration");
    assertThat(cache.inCache()).isTrue();
    assertThat(cache.cacheFile()).isEqualTo("~/.aws/cli/cache/ab12.json");
    assertThat(cache.place()).isEqualTo("cache");
    assertThat(Origin.parse("~/.aws/config:9 [corp] credential_process (process output AccessKeyId)").fromProcess()).isTrue();
  }

  @Test
  void theHolderSaysWhetherTwoValuesWereReadFromTheSamePlace() {
    assertThat(Origin.env("AWS_ACCESS_KEY_ID").holder()).isEqualTo(Origin.env("AWS_SESSION_TOKEN").holder());
    assertThat(Origin.property("~/.aws/credentials", 2, "dev", "aws_access_key_id").holder())
        .isEqualTo(Origin.property("~/.aws/credentials", 4, "dev", "aws_session_token").holder());
    assertThat(Origin.property("~/.aws/credentials", 2, "dev", "aws_access_key_id").holder())
        .isNotEqualTo(Origin.env("AWS_SESSION_TOKEN").holder());
    assertThat(Origin.cache("~/.aws/cli/cache/a.json", "AccessKeyId").holder())
        .isEqualTo(Origin.cache("~/.aws/cli/cache/a.json", "SessionToken").holder());
  }

  @Test
  void jsonHoldsTheTextAndOldBundlesLoad() throws Exception {
    ObjectMapper mapper = new ObjectMapper();
    assertThat(mapper.writeValueAsString(Origin.env("AWS_PROFILE"))).isEqualTo("\"env AWS_PROFILE\"");
    EndpointSetting e = mapper.readValue(
        "{\"service\":\"sts\",\"url\":\"http://localhost:4566\",\"origin\":\"env AWS_ENDPOINT_URL_STS\"}", EndpointSetting.class);
    assertThat(e.origin()).isEqualTo(Origin.env("AWS_ENDPOINT_URL_STS"));
    assertThat(e.origin().variable()).isEqualTo("AWS_ENDPOINT_URL_STS");
    assertThat(mapper.readTree(mapper.writeValueAsString(e)).get("origin").asText()).isEqualTo("env AWS_ENDPOINT_URL_STS");
  }
}
