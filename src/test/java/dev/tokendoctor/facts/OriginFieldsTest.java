package dev.tokendoctor.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.authoring.FactTypes;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every fact and derived fact says where it was read with an {@link Origin}, never with text: text is what rules
 * and code took apart again ({@code startsWith("env ")}, {@code substring(4)}), and an Origin compared with text
 * ({@code origin.equals("env AWS_PROFILE")}) is silently never equal.
 */
class OriginFieldsTest {
  @Test
  void everyOriginFieldIsAnOrigin() {
    List<String> text = new ArrayList<>();
    for (FactTypes.FactType t : FactTypes.all()) {
      for (RecordComponent c : t.type().getRecordComponents()) {
        if (c.getName().matches("origin|where|.*Origin") && c.getType() != Origin.class) {
          text.add(t.name() + "." + c.getName() + " is " + c.getType().getSimpleName());
        }
      }
    }
    assertThat(text).as("fields that say where a fact was read, typed as text instead of Origin").isEmpty();
  }
}
