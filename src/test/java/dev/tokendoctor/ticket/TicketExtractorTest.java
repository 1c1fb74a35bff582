package dev.tokendoctor.ticket;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.ProfileProperty;
import dev.tokendoctor.facts.ProfileSection;
import dev.tokendoctor.facts.ResolvedCredentials;
import dev.tokendoctor.facts.StsProbe;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Each extractor on texts shaped like what customers paste (written for these tests). */
class TicketExtractorTest {

  static FactBundle facts(String text) {
    return TicketExtractor.extract(text, "ticket-1");
  }

  static Map<String, EnvVar> env(FactBundle b) {
    return b.environment().stream().collect(Collectors.toMap(EnvVar::name, Function.identity()));
  }

  @Nested
  class UnknownStaysUnknown {
    @Test
    void aThinTicketHasOnlyTheErrorAndSaysWhatWasNotSeen() {
      FactBundle b = facts("Hi, since today:\nAn error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: "
          + "The security token included in the request is invalid.\nThanks");
      assertThat(b.ticket().errorCode()).isEqualTo("InvalidClientTokenId");
      assertThat(b.ticket().errorText()).startsWith("An error occurred").doesNotContain("Thanks");
      assertThat(b.credentials()).isEmpty();
      assertThat(b.environment()).isEmpty();
      assertThat(b.regions()).isEmpty();
      assertThat(b.clock()).isNull();
      assertThat(b.profile()).isNull();
      assertThat(b.collectors()).extracting(CollectorRun::status).containsOnly("skipped");
      assertThat(b.collectors()).extracting(CollectorRun::name).contains("environment", "files", "resolution", "sts", "clock");
    }

    @Test
    void proseAloneGivesNoFactsAndSaysWhatToAskFor() {
      TicketExtractor.Extraction x = TicketExtractor.extractWithNotes("Please call me back, nothing works.", "t");
      assertThat(x.bundle().ticket()).isNull();
      assertThat(x.bundle().facts()).allMatch(f -> f instanceof CollectorRun);
      assertThat(x.notes()).singleElement().asString().contains("ask for the exact error", "tokendoctor collect");
    }
  }

  @Nested
  class SkewMessages {
    @Test
    void signatureExpiredStatesBothClocks() {
      FactBundle b = facts("foo\nSignature expired: 20261204T101500Z is now earlier than 20261204T102501Z (20261204T103001Z - 15 min.)");
      assertThat(b.clock().localTime()).isEqualTo(Instant.parse("2026-12-04T10:15:00Z"));
      assertThat(b.clock().serverTime()).isEqualTo(Instant.parse("2026-12-04T10:30:01Z"));
      assertThat(b.clock().skewSeconds()).isEqualTo(-901L);
      assertThat(String.valueOf(b.clock().serverTimeOrigin())).startsWith("ticket line 2");
    }

    @Test
    void notYetCurrentIsAClockAhead() {
      FactBundle b = facts("Signature not yet current: 20261204T110000Z is still later than 20261204T104501Z (20261204T104001Z + 5 min.)");
      assertThat(b.clock().skewSeconds()).isEqualTo(1199L);
    }

    @Test
    void s3RequestTimeTooSkewed() {
      FactBundle b = facts("<Error><Code>RequestTimeTooSkewed</Code><RequestTime>20261204T080000Z</RequestTime>"
          + "<ServerTime>2026-12-04T09:12:44Z</ServerTime></Error>");
      assertThat(b.clock().skewSeconds()).isEqualTo(-4364L);
      assertThat(b.ticket().errorCode()).isEqualTo("RequestTimeTooSkewed");
    }
  }

  @Nested
  class ConfigureList {
    static final String TABLE = """
              Name                    Value             Type    Location
              ----                    -----             ----    --------
           profile                      dev              env    ['AWS_PROFILE', 'AWS_DEFAULT_PROFILE']
        access_key     ****************7QWN              env
        secret_key     ****************x9Lk              env
            region                eu-west-3      config-file    ~/.aws/config
        """;

    @Test
    void readsWhichSourceWonForEachRow() {
      FactBundle b = facts(TABLE);
      ResolvedCredentials c = b.credentials().get(0);
      assertThat(c.found()).isTrue();
      assertThat(c.provider()).isEqualTo("environment");
      // A key id origin would promise a key id (the bundle's contract): where it was read is told in the reason.
      assertThat(c.keyIdOrigin()).isNull();
      assertThat(c.reason()).contains("ticket line 4", "…7QWN");
      assertThat(c.keyId()).as("only the last four are shown: the key id's shape is unknown").isNull();
      assertThat(b.regions().get(0).region()).isEqualTo("eu-west-3");
      assertThat(String.valueOf(b.regions().get(0).origin())).startsWith("ticket line 6");
      assertThat(b.profile().name()).isEqualTo("dev");
      assertThat(String.valueOf(b.profile().source())).isEqualTo("env AWS_PROFILE");
      assertThat(b.profile().inCredentialsFile()).isNull();
      assertThat(b.collectors()).contains(new CollectorRun("resolution", "ok",
          "ticket line 1: aws configure list shows the AWS CLI's own resolution"));
    }

    @Test
    void notSetIsAFactOfTheClisResolution() {
      FactBundle b = facts(TABLE.replace("****************7QWN              env", "<not set>             None    None")
          .replace("eu-west-3      config-file    ~/.aws/config", "<not set>             None    None"));
      assertThat(b.credentials().get(0).found()).isFalse();
      assertThat(b.regions().get(0).missing()).isTrue();
    }
  }

  @Nested
  class EnvironmentLines {
    @Test
    void everyShellsForm() {
      FactBundle b = facts("""
          AWS_REGION=eu-west-1
          export AWS_PROFILE="dev"
          declare -x AWS_DEFAULT_REGION="us-east-1"
          set AWS_ACCESS_KEY_ID=AKIA2OGYBAH6TZK5QW4N
          $env:AWS_SESSION_TOKEN = ""
          setx AWS_SECRET_ACCESS_KEY ****
          set -gx AWS_ENDPOINT_URL_STS https://sts.eu-west-1.amazonaws.com
          """);
      Map<String, EnvVar> env = env(b);
      assertThat(env.get("AWS_REGION").value().shown()).isEqualTo("eu-west-1");
      assertThat(env.get("AWS_PROFILE").value().quoted()).as("export's quotes are the shell's").isFalse();
      assertThat(env.get("AWS_ACCESS_KEY_ID").value().shown()).isEqualTo("AKIA…QW4N");
      assertThat(env.get("AWS_ACCESS_KEY_ID").value().accessKeyIdShaped()).isTrue();
      assertThat(env.get("AWS_SESSION_TOKEN").value().empty()).isTrue();
      assertThat(env.get("AWS_SECRET_ACCESS_KEY").value().present()).isTrue();
      assertThat(env.get("AWS_SECRET_ACCESS_KEY").value().empty()).as("masked is not empty").isFalse();
      assertThat(env.get("AWS_SECRET_ACCESS_KEY").value().length()).as("a masked value's shape is unknown").isZero();
      assertThat(b.regions().get(0).region()).isEqualTo("eu-west-1");
      assertThat(b.profile().name()).isEqualTo("dev");
      assertThat(b.endpoints()).singleElement().satisfies(e -> {
        assertThat(e.service()).isEqualTo("sts");
        assertThat(e.host()).isEqualTo("sts.eu-west-1.amazonaws.com");
      });
      assertThat(b.collectors()).contains(new CollectorRun("environment", "partial",
          "ticket line 1: some AWS_* variables (a pasted listing may leave some out)"));
    }

    @Test
    void aListingsQuotesAndBlanksAreTheValues() {
      Map<String, EnvVar> env = env(facts("AWS_ACCESS_KEY_ID=\"AKIA2OGYBAH6TZK5QW4N\"\nAWS_SECRET_ACCESS_KEY=kq7Vd2Lx9Qm4 Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9"));
      assertThat(env.get("AWS_ACCESS_KEY_ID").value().quoted()).isTrue();
      assertThat(env.get("AWS_SECRET_ACCESS_KEY").value().innerWhitespace()).isTrue();
      assertThat(env.get("AWS_SECRET_ACCESS_KEY").value().shown()).isNull();
    }

    @Test
    void unknownOrMisspelledNamesAreSecret() {
      Map<String, EnvVar> env = env(facts("AWS_SECERT_ACCESS_KEY=notsoshort\nAWS_FOO=bar"));
      assertThat(env.get("AWS_SECERT_ACCESS_KEY").value().shown()).isNull();
      assertThat(env.get("AWS_FOO").value().shown()).isNull();
    }

    @Test
    void anEndpointsPasswordIsNeverShown() {
      FactBundle b = facts("export AWS_ENDPOINT_URL=https://u:hunter2pw@proxy.example.com:8443");
      assertThat(b.endpoints().get(0).url()).doesNotContain("hunter2pw").contains("proxy.example.com");
      assertThat(b.endpoints().get(0).awsHost()).isFalse();
      assertThat(b.endpoints().get(0).effective()).isTrue();
    }
  }

  @Nested
  class SharedFiles {
    @Test
    void aCredentialsFileWithAProfilePrefix() {
      FactBundle b = facts("""
          cat ~/.aws/credentials
          [default]
          aws_access_key_id = "AKIA2OGYBAH6TZK5QW4N"
          aws_secret_access_key = <redacted>

          [profile dev]
          aws_access_key_id = AKIA7RXMDNC3UVWP2Q5T
          aws_session_token =
          """);
      assertThat(b.sections()).extracting(ProfileSection::header, ProfileSection::sectionType, ProfileSection::name)
          .containsExactly(org.assertj.core.groups.Tuple.tuple("default", "profile", "default"),
              org.assertj.core.groups.Tuple.tuple("profile dev", "ignored", "dev"));
      assertThat(b.sections()).allMatch(s -> "credentials".equals(s.file()));
      ProfileProperty key = b.properties().get(0);
      assertThat(String.valueOf(key.origin())).isEqualTo("ticket line 3 [default] aws_access_key_id");
      assertThat(key.value().quoted()).isTrue();
      assertThat(key.value().shown()).isEqualTo("AKIA…QW4N");
      ProfileProperty secret = b.properties().get(1);
      assertThat(secret.value().present()).isTrue();
      assertThat(secret.value().empty()).isFalse();
      assertThat(secret.value().placeholder()).as("masked by the customer, not a placeholder in the file").isFalse();
      assertThat(b.properties().get(3).value().empty()).isTrue();
    }

    @Test
    void aConfigFileByItsContent() {
      FactBundle b = facts("[profile dev]\nregion = eu-west-1\nsso_session = corp\n\n[sso-session corp]\nsso_region = eu-west-1\n\n[analytics]\nregion = us-east-1");
      assertThat(b.sections()).allMatch(s -> "config".equals(s.file()));
      assertThat(b.sections()).extracting(ProfileSection::sectionType).containsExactly("profile", "sso-session", "ignored");
      assertThat(b.properties()).filteredOn(p -> p.key().equals("region")).first().satisfies(p -> assertThat(p.value().shown()).isEqualTo("eu-west-1"));
    }

    @Test
    void aFileOfUnknownKindStaysUnknown() {
      FactBundle b = facts("here:\n[profile dev]\naws_access_key_id = AKIA7RXMDNC3UVWP2Q5T");
      assertThat(b.sections().get(0).file()).isNull();
    }

    @Test
    void aSecretPastedAsAProfileNameIsNotShown() {
      FactBundle b = facts("~/.aws/credentials\n[kq7Vd2Lx9Qm4Zr8Tn1Bw6Yh3Jc5Fp0Gs2Ue7Ai9O]\naws_access_key_id = AKIA7RXMDNC3UVWP2Q5T");
      assertThat(b.sections().get(0).header()).doesNotContain("kq7Vd2");
      assertThat(b.properties().get(0).section()).doesNotContain("kq7Vd2");
    }
  }

  @Nested
  class KeyIdForms {
    @Test
    void whole_shortened_andMasked() {
      assertThat(KeyIds.find("key AKIA2OGYBAH6TZK5QW4N here")).isEqualTo(new KeyIds.Pasted("AKIA", "QW4N", "AKIA2OGYBAH6TZK5QW4N"));
      assertThat(KeyIds.find("AKIA…QW4N")).isEqualTo(new KeyIds.Pasted("AKIA", "QW4N", null));
      assertThat(KeyIds.find("ASIA...QW4N")).isEqualTo(new KeyIds.Pasted("ASIA", "QW4N", null));
      assertThat(KeyIds.find("AKIA************QW4N")).isEqualTo(new KeyIds.Pasted("AKIA", "QW4N", null));
      assertThat(KeyIds.find("****************QW4N")).isEqualTo(new KeyIds.Pasted(null, "QW4N", null));
      assertThat(KeyIds.find("no key")).isNull();
    }
  }

  @Nested
  class CallerIdentity {
    @Test
    void isTheTicketsCallNotTheFailingClients() {
      FactBundle b = facts("""
          $ aws sts get-caller-identity --profile other
          {
              "UserId": "AROA5TQJR3WXLM2KV7HDQ:marta",
              "Account": "111122223333",
              "Arn": "arn:aws:sts::111122223333:assumed-role/Admin/marta"
          }
          """);
      StsProbe p = b.stsProbes().get(0);
      assertThat(p.purpose()).isEqualTo("ticket");
      assertThat(p.primary()).isFalse();
      assertThat(p.ok()).isTrue();
      assertThat(p.callerAccount()).isEqualTo("111122223333");
      assertThat(p.withToken()).as("an assumed role signs with a session token").isTrue();
      assertThat(String.valueOf(p.origin())).contains("ticket line 5");
    }
  }

  @Nested
  class ToolsAndVersions {
    @Test
    void userAgentsVersionOutputAndProse() {
      assertThat(ToolVersions.find("aws-cli/2.15.30 Python/3.11.8 Linux/5.15")).extracting("tool", "version").containsExactly("aws-cli", "2.15.30");
      assertThat(ToolVersions.find("ua: aws-sdk-js/3.505.0 os/linux")).extracting("tool", "version").containsExactly("aws-sdk-js-v3", "3.505.0");
      assertThat(ToolVersions.find("aws-sdk-java/2.25.11 Linux/6.1")).extracting("tool", "version").containsExactly("aws-sdk-java-v2", "2.25.11");
      assertThat(ToolVersions.find("aws-sdk-java/1.12.767 Linux")).extracting("tool", "version").containsExactly("aws-sdk-java", "1.12.767");
      assertThat(ToolVersions.find("Terraform v1.9.8\non linux_amd64")).extracting("tool", "version").containsExactly("terraform", "1.9.8");
      assertThat(ToolVersions.find("Framework Core: 3.39.0")).extracting("tool", "version").containsExactly("serverless", "3.39.0");
      assertThat(ToolVersions.find("$ cdk --version\n2.171.1 (build a95560c)")).extracting("tool", "version").containsExactly("aws-cdk", "2.171.1");
      assertThat(ToolVersions.find("our cdk deploy broke since upgrading to 2.167.0")).extracting("tool", "version").containsExactly("aws-cdk", "2.167.0");
      assertThat(ToolVersions.find("nothing here")).isNull();
    }

    @Test
    void theTicketNamesTheClientAndVersion() {
      FactBundle b = facts("Since upgrading the CDK to 2.167.0:\nInvalidClientTokenId: The security token included in the request is invalid.");
      assertThat(b.ticket().clientTool()).isEqualTo("aws-cdk");
      assertThat(b.ticket().clientVersion()).isEqualTo("2.167.0");
      assertThat(b.ticket().workedBefore()).isNull();
    }

    @Test
    void workedBeforeAndTheAccountMeant() {
      FactBundle b = facts("It worked yesterday. We expected account 444455556666.\nExpiredToken: The security token included in the request is expired");
      assertThat(b.ticket().workedBefore()).isTrue();
      assertThat(b.ticket().expectedAccount()).isEqualTo("444455556666");
    }
  }

  @Nested
  class DebugLogs {
    static final String REQUEST = "2026-12-04 09:02:11,481 - MainThread - botocore.endpoint - DEBUG - Sending http request: "
        + "<AWSPreparedRequest stream_output=False, method=POST, url=https://sts.ap-southeast-2.amazonaws.com/, headers={'User-Agent': "
        + "b'aws-cli/2.17.2 md/awscrt', 'X-Amz-Date': b'20261204T090211Z', %s'Authorization': b'AWS4-HMAC-SHA256 "
        + "Credential=%s/20261204/ap-southeast-2/sts/aws4_request, SignedHeaders=%s, Signature=4f0c2e9d8b7a6f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6'}>\n"
        + "2026-12-04 09:02:11,911 - MainThread - botocore.parsers - DEBUG - Response headers: {'Date': 'Fri, 04 Dec 2026 09:02:13 GMT'}\n"
        + "2026-12-04 09:02:11,911 - MainThread - botocore.parsers - DEBUG - Response body:\n"
        + "b'<ErrorResponse><Error><Code>InvalidClientTokenId</Code><Message>The security token included in the request is invalid.</Message></Error></ErrorResponse>'\n"
        + "2026-12-04 09:02:11,910 - MainThread - urllib3.connectionpool - DEBUG - https://sts.ap-southeast-2.amazonaws.com:443 \"POST / HTTP/1.1\" 403 306\n";

    @Test
    void theCredentialScopeAndTheTokenHeader() {
      String token = "IQoJb3JpZ2luX2VjEKz//////////wEaCWV1LXdlc3QtMSJHMEUCIQDk7mQ2Lx9Vb3Rn8Tw1Yh6Jc4Fp0Gs2Ue7Ai9OzQkq7Vd";
      FactBundle b = facts(String.format(REQUEST, "'X-Amz-Security-Token': b'" + token + "', ", "ASIA5TQJR3WXLM2KV7HD",
          "content-type;host;x-amz-date;x-amz-security-token"));
      ResolvedCredentials c = b.credentials().get(0);
      assertThat(c.client()).isEqualTo("cli-v2");
      assertThat(c.temporaryKey()).isTrue();
      assertThat(c.hasToken()).isTrue();
      assertThat(c.token().length()).isEqualTo(token.length());
      assertThat(String.valueOf(c.keyIdOrigin())).isEqualTo("ticket line 1 (the signed request's Authorization header)");
      assertThat(b.regions().get(0).region()).isEqualTo("ap-southeast-2");
      StsProbe p = b.stsProbes().get(0);
      assertThat(p).extracting(StsProbe::purpose, StsProbe::signingRegion, StsProbe::errorCode, StsProbe::httpStatus, StsProbe::withToken)
          .containsExactly("ticket", "ap-southeast-2", "InvalidClientTokenId", 403, true);
      assertThat(p.endpoint()).isEqualTo("https://sts.ap-southeast-2.amazonaws.com/");
      assertThat(b.clock().skewSeconds()).isEqualTo(-2L);
      assertThat(b.ticket().errorCode()).isEqualTo("InvalidClientTokenId");
    }

    @Test
    void signedHeadersWithoutTheTokenProveNoneWasSent() {
      FactBundle b = facts(String.format(REQUEST, "", "ASIA5TQJR3WXLM2KV7HD", "content-type;host;x-amz-date"));
      assertThat(b.credentials().get(0).hasToken()).isFalse();
      assertThat(b.credentials().get(0).temporaryKey()).isTrue();
    }

    @Test
    void aSignedButHiddenTokenIsSentOfUnknownShape() {
      FactBundle b = facts(String.format(REQUEST, "", "ASIA…7HD9", "host;x-amz-date;x-amz-security-token"));
      ResolvedCredentials c = b.credentials().get(0);
      assertThat(c.hasToken()).isTrue();
      assertThat(c.tokenOrigin()).as("no shape to judge").isNull();
    }
  }

  @Nested
  class Endpoints {
    @Test
    void theRegionAndServiceAnErrorsUrlNames() {
      FactBundle b = facts("Could not connect to the endpoint URL: \"https://sts.eu-south-2.amazonaws.com/\"\nsee https://docs.aws.amazon.com/cli/");
      assertThat(b.regions().get(0).region()).isEqualTo("eu-south-2");
      assertThat(String.valueOf(b.regions().get(0).origin())).startsWith("ticket line 1");
    }

    @Test
    void theCommandsRegionOutranksTheEnvironment() {
      FactBundle b = facts("AWS_REGION=eu-west-1\n$ aws s3 ls --region ap-east-1 --profile ops");
      assertThat(b.regions()).singleElement().satisfies(r -> assertThat(r.region()).isEqualTo("ap-east-1"));
      assertThat(b.profile().name()).isEqualTo("ops");
      assertThat(String.valueOf(b.profile().source())).isEqualTo("--profile");
    }
  }

  @Nested
  class Formats {
    @Test
    void markdownFencesAndEmailQuotesAreUnwrapped() {
      FactBundle b = facts("> On Fri, Marta wrote:\n> ```\n> export AWS_REGION=eu-west-1\n> ```\n");
      assertThat(env(b).get("AWS_REGION").value().shown()).isEqualTo("eu-west-1");
    }

    @Test
    void anEmailsDateIsWhenTheTicketWasWritten() {
      FactBundle b = facts("From: marta@example.com\nDate: Fri, 04 Dec 2026 10:31:00 GMT\nSubject: help\n\nbody");
      assertThat(b.collectedAt()).isEqualTo(Instant.parse("2026-12-04T10:31:00Z"));
    }
  }
}
