package dev.tokendoctor.differential;

import java.util.List;

/**
 * What remains possible when no rule concluded: the causes consistent with the error AWS returned, most likely
 * first, and the questions that would tell them apart.
 *
 * @param errorCode the AWS error the candidates explain, or {@code null} when no code is known
 * @param meaning what that error means, in plain words
 * @param candidates the causes still possible, most likely first
 * @param ruledOut the cause ids the error would allow but a check ruled out
 * @param questions what to ask, most useful first; each command once; the full-bundle question last
 */
public record Differential(
    String errorCode, String meaning, List<Candidate> candidates, List<String> ruledOut, List<Question> questions) {

  public Differential {
    candidates = List.copyOf(candidates);
    ruledOut = List.copyOf(ruledOut);
    questions = List.copyOf(questions);
  }
}
