package dev.tokendoctor.collect;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** --verify-with asks IAM in the key's own partition: every partition's regions, including the ISO ones. */
class IamEndpointTest {

  @ParameterizedTest(name = "{0} -> {1} signed for {2}")
  @CsvSource({
      "us-east-1,       https://iam.amazonaws.com,                    us-east-1",
      "af-south-1,      https://iam.amazonaws.com,                    us-east-1",
      "us-gov-east-1,   https://iam.us-gov.amazonaws.com,             us-gov-west-1",
      "cn-northwest-1,  https://iam.cn-north-1.amazonaws.com.cn,      cn-north-1",
      "us-iso-west-1,   https://iam.us-iso-east-1.c2s.ic.gov,         us-iso-east-1",
      "us-isob-east-1,  https://iam.us-isob-east-1.sc2s.sgov.gov,     us-isob-east-1",
      "eu-isoe-west-1,  https://iam.eu-isoe-west-1.cloud.adc-e.uk,    eu-isoe-west-1",
      "us-isof-east-1,  https://iam.us-isof-south-1.csp.hci.ic.gov,   us-isof-south-1",
      "eusc-de-east-1,  https://iam.eusc-de-east-1.amazonaws.eu,      eusc-de-east-1"})
  void iamIsAskedInTheRegionsOwnPartition(String region, String url, String signingRegion) {
    IamEndpoint iam = IamEndpoint.forRegion(region);

    assertThat(iam.url()).isEqualTo(url);
    assertThat(iam.signingRegion()).isEqualTo(signingRegion);
    assertThat(Partitions.of(iam.signingRegion())).isEqualTo(Partitions.of(region));
    assertThat(ProbeDestinations.refusal(URI.create(iam.url()), "iam", iam.signingRegion(), List.of()))
        .as("the probe guard lets the request go to this host").isNull();
  }
}
