package dev.tokendoctor.diagnosis;

import java.util.List;
import java.util.Set;

/**
 * A cause a rule concluded, with what it rests on and how to fix it. Rules match findings by {@code id} to rank
 * them (see {@code rules/ranking/}).
 *
 * @param id the stable cause id from the catalog ({@code SESSION_TOKEN_MISSING})
 * @param title one line, plain words
 * @param severity how bad it is
 * @param confidence how sure the rule is
 * @param explains the AWS error codes this cause produces ({@code @explains} on the rule); empty for a smell
 *     that explains no error by itself
 * @param supersedes the ids of more general causes this one explains better ({@code @supersedes})
 * @param evidence what it rests on, each with its origin
 * @param remediation the fix, step by step; lines that start with {@code $ } are commands
 * @param sources public documentation and reports
 * @param ruleFile the rule file that concluded it, relative to the rules folder
 */
public record Finding(
    String id,
    String title,
    Severity severity,
    Confidence confidence,
    Set<String> explains,
    Set<String> supersedes,
    List<Evidence> evidence,
    List<String> remediation,
    List<String> sources,
    String ruleFile) {

  public Finding {
    explains = Set.copyOf(explains);
    supersedes = Set.copyOf(supersedes);
    evidence = List.copyOf(evidence);
    remediation = List.copyOf(remediation);
    sources = List.copyOf(sources);
  }

  /** This cause produces the AWS error {@code code}. */
  public boolean explainsError(String code) {
    return code != null && explains.contains(code);
  }

  /**
   * This form of a cause is stronger than {@code other}: a worse severity, or the same severity and a higher
   * confidence. The ranking rules score a cause's strongest form, and its title and fix lead the merged finding.
   */
  public boolean strongerThan(Finding other) {
    return severity.compareTo(other.severity) < 0
        || (severity == other.severity && confidence.compareTo(other.confidence) < 0);
  }

  /** Both findings cite the same place ({@code env AWS_ACCESS_KEY_ID}, a file line): they are about one value. */
  public boolean citesAnOriginOf(Finding other) {
    for (Evidence e : evidence) {
      for (Evidence o : other.evidence) {
        if (e.origin() != null && e.origin().equals(o.origin())) {
          return true;
        }
      }
    }
    return false;
  }

  /** This finding is a more specific form of the finding {@code otherId}. */
  public boolean supersedesId(String otherId) {
    return supersedes.contains(otherId);
  }
}
