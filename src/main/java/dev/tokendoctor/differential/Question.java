package dev.tokendoctor.differential;

import java.util.List;

/**
 * A question to ask the customer: the fact that is missing, the causes it separates, why, and the exact
 * command that gets it (a command never prints a secret: lengths, prefixes, names, line numbers).
 *
 * @param fact the missing fact, in plain words
 * @param separates the cause ids this fact tells apart
 * @param why how the answer confirms or rules them out
 * @param command the shell line the customer runs
 * @param knownFrom the collectors whose facts answer it: a bundle where they all ran needs no asking
 */
public record Question(String fact, List<String> separates, String why, String command, List<String> knownFrom) {

  public Question {
    separates = List.copyOf(separates);
    knownFrom = List.copyOf(knownFrom);
  }
}
