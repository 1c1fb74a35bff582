package dev.tokendoctor.engine;

import java.util.List;

/** The knowledge base cannot be used: unreadable, or rules that do not compile. Exit code 2. */
public final class RulesException extends Exception {
  private static final long serialVersionUID = 1L;
  private final transient List<RuleProblem> problems;

  public RulesException(String message) {
    super(message);
    this.problems = List.of();
  }

  public RulesException(List<RuleProblem> problems) {
    super(problems.isEmpty() ? "the rules do not compile" : problems.get(0).format()
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more problem"
            + (problems.size() > 2 ? "s" : "") + ")" : ""));
    this.problems = List.copyOf(problems);
  }

  public List<RuleProblem> problems() {
    return problems;
  }
}
