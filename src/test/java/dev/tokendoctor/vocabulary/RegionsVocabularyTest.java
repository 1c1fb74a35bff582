package dev.tokendoctor.vocabulary;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.facts.Origin;
import dev.tokendoctor.facts.RegionInfo;
import dev.tokendoctor.facts.RegionSetting;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The fact methods behind rules/vocabulary/regions.drl: what they read out of origins, messages and region names. */
class RegionsVocabularyTest {
  static final RegionInfo US_EAST_1 = new RegionInfo("us-east-1", "aws", false, "US East (N. Virginia)");

  @ParameterizedTest
  @ValueSource(strings = {"us-east1", "US-EAST-1", "us-east-1a", "US East (N. Virginia)", "\"us-east-1\"", "us-east-1 # prod", "us east 1"})
  void aRegionWrittenWronglyLooksLikeTheRegionMeant(String written) {
    assertThat(US_EAST_1.looksLike(written)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"us-east-2", "eu-west-1", "useast", ""})
  void anotherRegionDoesNotLookLikeIt(String written) {
    assertThat(US_EAST_1.looksLike(written)).isFalse();
  }

  @Test
  void theOriginSaysWhichVariableOrProfileToChange() {
    assertThat(new ClientRegion("botocore", "us-east1", Origin.parse("env AWS_DEFAULT_REGION"), false).variable()).isEqualTo("AWS_DEFAULT_REGION");
    ClientRegion profile = new ClientRegion("cli-v2", "us-east1", Origin.parse("~/.aws/config:4 [profile dev] region"), true);
    assertThat(profile.variable()).isNull();
    assertThat(profile.profile()).isEqualTo("dev");
    assertThat(ClientRegion.profileIn(Origin.parse("~/.aws/config:2 [default] region"))).isEqualTo("default");
    assertThat(ClientRegion.optionIn(Origin.parse("--region"))).isTrue();
  }

  @Test
  void onlyTheAwsCliV2IsOneTool() {
    assertThat(new ClientRegion("cli-v2", "x", Origin.parse("env AWS_REGION"), true).oneTool()).isTrue();
    assertThat(new ClientRegion("botocore", "x", Origin.parse("env AWS_REGION"), true).oneTool()).isFalse();
    assertThat(new ClientRegion("botocore", "x", Origin.parse("env AWS_REGION"), true).clientSubject()).isEqualTo("boto3 and the AWS CLI v1");
    assertThat(new ClientRegion("cli-v2", "x", Origin.parse("env AWS_REGION"), true).clientSubject()).isEqualTo("The AWS CLI v2");
  }

  @Test
  void theClientsWithoutARegionAreTheFailingClientsProblemOnlyWhenItIsOneOfThem() {
    List<RegionSetting> without = List.of(new RegionSetting("botocore", null, Origin.parse("none"), true));
    List<RegionSetting> with = List.of(new RegionSetting("java-sdk-v2", "us-east-1", Origin.parse("env AWS_REGION"), true));
    RegionlessClients named = RegionlessClients.of(without, with, true, "botocore");
    assertThat(named.who()).isEqualTo("boto3 and the AWS CLI v1");
    assertThat(named.failingClientHasNone()).isTrue();
    assertThat(RegionlessClients.of(without, with, true, "java-sdk-v2").failingClientHasNone()).isFalse();
    // nobody said which client failed: only a machine where no client finds a region is the problem
    assertThat(RegionlessClients.of(without, with, false, "botocore").failingClientHasNone()).isFalse();
    assertThat(RegionlessClients.of(without, List.of(), false, null).failingClientHasNone()).isTrue();
  }

  @Test
  void theAccountIsReadFromStsMessage() {
    StsDeactivated d = StsDeactivated.of("eu-central-1", Origin.parse("ticket"),
        " STS is not activated in this region for account:555566667777. Your account administrator can activate STS in this region using the IAM Console. ");
    assertThat(d.account()).isEqualTo("555566667777");
    assertThat(d.message()).startsWith("STS is not activated").endsWith("IAM Console.");
    assertThat(StsDeactivated.of("eu-central-1", Origin.parse("ticket"), null).account()).isNull();
  }

  @Test
  void anArnNamesItsPartition() {
    assertThat(CredentialsPartition.ofArn("arn:aws-us-gov:iam::123456789012:role/x")).isEqualTo("aws-us-gov");
    assertThat(CredentialsPartition.ofArn("arn:aws:iam::123456789012:role/x")).isEqualTo("aws");
    assertThat(CredentialsPartition.ofArn("not an arn")).isNull();
  }
}
