package dev.tokendoctor.diagnosis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleMetadataTest {
  private final RuleMetadata lead = new RuleMetadata("ENV_OVERRIDES_PROFILE", "cause", "Keys override the profile", "error", "high",
      Set.of("InvalidClientTokenId"), Set.of("CLIENTS_DISAGREE"), List.of("https://github.com/aws/aws-cli/issues/3304"));

  @Test
  void aPlainVariantTakesWhatItLeavesOutFromTheLead() {
    RuleMetadata variant = new RuleMetadata("ENV_OVERRIDES_PROFILE", "cause", null, null, null, Set.of(), Set.of(), List.of());

    RuleMetadata m = variant.inheritFrom(lead, Set.of("id"));

    assertThat(m).isEqualTo(lead);
  }

  @Test
  void aSmellFormThatDeclaresNoExplainsExplainsNothing() {
    RuleMetadata smell = new RuleMetadata("ENV_OVERRIDES_PROFILE", "cause", "Keys override the profile (they work)", "warning", "high",
        Set.of(), Set.of(), List.of());

    RuleMetadata m = smell.inheritFrom(lead, Set.of("id", "title", "severity", "confidence", "explains", "supersedes"));

    assertThat(m.explains()).isEmpty();
    assertThat(m.supersedes()).isEmpty();
    assertThat(m.severity()).isEqualTo("warning");
    assertThat(m.sources()).isEqualTo(lead.sources());
  }
}
