package dev.tokendoctor.vocabulary;

import dev.tokendoctor.facts.Origin;

import java.util.ArrayList;
import java.util.List;

/**
 * The failing client's credential chain found no credentials, and the resolution collector ran, so this is an
 * observation, not an unknown.
 *
 * @param client whose chain ({@code java-sdk-v2}, {@code botocore}, {@code cli-v2})
 * @param where the chain, as shown in evidence ({@code java-sdk-v2 credential chain})
 * @param error the chain's error, as the client wrote it; {@code null} when none was recorded
 * @param said what the chain said, in one line: the error's head when it lists the providers it tried (the AWS SDK
 *     for Java's "Unable to load credentials from any of the providers in the chain"), else the error or, without
 *     one, the collector's reason; {@code null} when nothing was recorded
 * @param listsProviders the error lists each provider the chain tried, with its own reason ({@link ChainAttempt})
 */
public record NoCredentials(String client, Origin where, String error, String said, boolean listsProviders) {

  private static final String LIST = " : [";
  private static final String CHAIN = " AwsCredentialsProviderChain";

  /** The fact for a client whose chain found nothing, with {@code error} and the collector's {@code reason}. */
  public static NoCredentials of(String client, String error, String reason) {
    boolean lists = lists(error);
    String said;
    if (lists) {
      int head = error.indexOf(CHAIN);
      said = head > 0 ? error.substring(0, head) : null;
    } else {
      said = error != null ? error : reason;
    }
    return new NoCredentials(client, Origin.credentialChain(client), error, said, lists);
  }

  /** Each provider the error says the chain tried, in the chain's order; empty when it lists none. */
  public List<ChainAttempt> attempts() {
    List<ChainAttempt> out = new ArrayList<>();
    if (!listsProviders) {
      return out;
    }
    int list = error.indexOf(LIST);
    for (String tried : error.substring(list + LIST.length(), error.length() - 1).split(", (?=[A-Za-z]+Provider\\()")) {
      int colon = tried.indexOf("): ");
      out.add(colon > 0
          ? new ChainAttempt(client, tried.substring(0, tried.indexOf('(')), tried.substring(colon + 3), out.size() + 1)
          : new ChainAttempt(client, client, tried, out.size() + 1));
    }
    return out;
  }

  private static boolean lists(String error) {
    return error != null && error.indexOf(LIST) > 0 && error.endsWith("]");
  }
}
