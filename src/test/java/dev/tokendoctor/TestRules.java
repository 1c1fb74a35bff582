package dev.tokendoctor;

/** Rule files that only tests write: broken on purpose, to show that one bad rule spoils nothing else. */
public final class TestRules {
  private TestRules() {}

  /** A rule that throws for tickets whose context names the operation {@code Boom}. */
  public static final String BOOM = """
      package tokendoctor.rules;
      import dev.tokendoctor.facts.*;
      rule "BOOM test rule that throws"
          @kind("ranking")
      when
          TicketContext( operation == "Boom" )
      then
          throw new IllegalStateException("boom");
      end
      """;
}
