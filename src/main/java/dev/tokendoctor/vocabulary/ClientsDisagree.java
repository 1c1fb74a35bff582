package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.StsProbe;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The clients on this machine disagree: AWS refused the credentials some clients send (a probe made as they send
 * them) and accepted those other clients send. Only probes that record their clients count.
 *
 * @param refusedClients the clients whose credentials were refused, in words, one group per refused set of
 *     credentials ({@code botocore (boto3, AWS CLI v1) and the AWS CLI v2}; groups separated by {@code ; })
 * @param oneClient a single client's credentials were refused (the evidence says "sends", not "send")
 */
public record ClientsDisagree(String refusedClients, boolean oneClient) {

  /** The fact for {@code refused}, the refused probes (each recording its clients), in the order given. */
  public static ClientsDisagree of(List<?> refused) {
    List<StsProbe> probes = refused.stream().map(StsProbe.class::cast).toList();
    return new ClientsDisagree(probes.stream().map(StsProbe::clientNames).collect(Collectors.joining("; ")),
        probes.size() == 1 && probes.get(0).oneClient());
  }
}
