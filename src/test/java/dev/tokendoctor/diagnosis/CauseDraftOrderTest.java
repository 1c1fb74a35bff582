package dev.tokendoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * How the merged finding orders the firings of one template, and which metadata a cause's rules take: the two
 * choices the converted rules of the shared files rely on.
 */
class CauseDraftOrderTest {

  @Test
  void originsGoDownTheFileByLineNumber() {
    List<String> origins = new ArrayList<>(List.of("~/.aws/credentials:10 [default] aws_access_key_id",
        "~/.aws/credentials:2 [default] aws_access_key_id", "~/.aws/config:3", "~/.aws/credentials:11", "~/.aws/credentials:3"));
    origins.sort(CauseDraft::naturally);
    assertThat(origins).containsExactly("~/.aws/config:3", "~/.aws/credentials:2 [default] aws_access_key_id",
        "~/.aws/credentials:3", "~/.aws/credentials:10 [default] aws_access_key_id", "~/.aws/credentials:11");
  }

  @Test
  void textWithoutNumbersKeepsItsPlainOrder() {
    assertThat(CauseDraft.naturally("env AWS_PROFILE", "~/.aws/config")).isNegative();
    assertThat(CauseDraft.naturally("abc", "abc")).isZero();
    assertThat(CauseDraft.naturally("abc", "abcd")).isNegative();
  }

  @Test
  void aPieceOfTheLeadsFormTakesAllOfItsMetadata() {
    RuleMetadata lead = new RuleMetadata("X", "cause", "Lead", "error", "high", Set.of("InvalidClientTokenId"), Set.of("Y"), List.of("s"));
    RuleMetadata piece = new RuleMetadata("X", "cause", null, null, null, Set.of(), Set.of(), List.of()).inheritFrom(lead);
    assertThat(piece.severity()).isEqualTo("error");
    assertThat(piece.explains()).containsExactly("InvalidClientTokenId");
    assertThat(piece.supersedes()).containsExactly("Y");
  }

  @Test
  void anotherFormExplainsAndSupersedesOnlyWhatItDeclares() {
    RuleMetadata lead = new RuleMetadata("X", "cause", "Lead", "error", "high", Set.of("InvalidClientTokenId"), Set.of("Y"), List.of("s"));
    RuleMetadata smell = new RuleMetadata("X", "cause", "Smell", "warning", "medium", Set.of(), Set.of(), List.of()).inheritFrom(lead);
    assertThat(smell.explains()).isEmpty();
    assertThat(smell.supersedes()).isEmpty();
    assertThat(smell.sources()).containsExactly("s");
  }
}
