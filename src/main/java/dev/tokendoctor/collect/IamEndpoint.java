package dev.tokendoctor.collect;

import software.amazon.awssdk.awscore.endpoints.AwsEndpointAttribute;
import software.amazon.awssdk.awscore.endpoints.authscheme.EndpointAuthScheme;
import software.amazon.awssdk.awscore.endpoints.authscheme.SigV4AuthScheme;
import software.amazon.awssdk.endpoints.Endpoint;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointParams;
import software.amazon.awssdk.services.iam.endpoints.IamEndpointProvider;

/**
 * IAM's one endpoint in the partition of a region, and the region requests to it are signed for. IAM is global per
 * partition (iam.amazonaws.com signed for us-east-1, iam.us-gov.amazonaws.com for us-gov-west-1, and one host in
 * each ISO partition), so the SDK's own endpoint rules decide, not a table of ours that would miss a partition.
 */
record IamEndpoint(String url, String signingRegion) {

  static IamEndpoint forRegion(String region) {
    Endpoint e = IamEndpointProvider.defaultProvider()
        .resolveEndpoint(IamEndpointParams.builder().region(Region.of(region)).build()).join();
    String signing = region;
    for (EndpointAuthScheme s : e.attribute(AwsEndpointAttribute.AUTH_SCHEMES)) {
      if (s instanceof SigV4AuthScheme v4 && v4.signingRegion() != null) {
        signing = v4.signingRegion();
        break;
      }
    }
    return new IamEndpoint(e.url().toString(), signing);
  }
}
