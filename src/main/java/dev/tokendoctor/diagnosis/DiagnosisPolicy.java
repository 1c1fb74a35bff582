package dev.tokendoctor.diagnosis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one home of ranking and verdict policy outside the ranking rules, and the only Java that decides
 * anything about order or verdict.
 *
 * <p>Why the split is where it is. Every <em>judgement</em> a support engineer makes about one finding against
 * another lives in {@code rules/ranking/ranking.drl}, where it can be read and changed without Java: the points
 * for severity and confidence, that a finding explains the observed error ({@link ExplainsObservedError}, which
 * this class takes as given and never recomputes), that a more specific finding supersedes a general one, that
 * a placeholder outranks the oddities of its own value, that a finding about a client other than the one that
 * failed is only a smell. What is left is not a judgement about causes but bookkeeping and the product's
 * contract, and it is all here: (1) a cause concluded by several of its rules is one finding, whose title,
 * severity and fix come from its strongest form (the same form the ranking rules score, see
 * {@link Finding#strongerThan}); (2) a finding's score is the sum of its distinct points; (3) findings are
 * ordered by score, ties by severity then id, so the order is stable; (4) the verdict follows from that order
 * and from {@link FactCoverage} (PRODUCT.md's four verdicts and their exit codes). Writing (1) to (4) as rules
 * would need the whole ranked list as a fact and a second pass over the session, for no reader's benefit.
 *
 * <p>The verdict, first match wins:
 * <ol>
 *   <li>{@code problem}: a finding of severity error, or one that explains the error AWS returned;
 *   <li>{@code insufficient}: AWS refused (a probe or the pasted error) but the facts do not say what the client
 *       sends ({@link FactCoverage#enoughToJudge()} is false);
 *   <li>{@code inconclusive}: AWS refused and no finding explains it;
 *   <li>{@code ok}: STS accepted the credentials the client sends (smells may still be listed);
 *   <li>{@code problem}: a warning found, with nothing to prove the credentials work;
 *   <li>{@code ok}: offline, every collector ran and found nothing wrong ({@link FactCoverage#completeOffline()});
 *   <li>{@code insufficient}: anything else: nothing was shown to work and too little was collected to say more.
 * </ol>
 */
public final class DiagnosisPolicy {
  private DiagnosisPolicy() {}

  /**
   * What the policy made of one session's conclusions.
   *
   * @param verdict the answer
   * @param findings the findings, most likely first
   * @param checks what was verified fine (without the checks of causes that were nevertheless found)
   * @param observedErrors the errors the ranking rules took as the one the person saw
   */
  public record Outcome(Verdict verdict, List<RankedFinding> findings, List<Check> checks,
      List<ObservedError> observedErrors) {}

  /**
   * Ranks and judges. {@code concluded} holds the session's findings, checks and ranking facts, in a stable
   * order (the caller sorts them by content).
   */
  public static Outcome decide(List<Object> concluded, FactCoverage coverage) {
    Map<String, Finding> findings = new LinkedHashMap<>();
    Map<String, Check> checks = new LinkedHashMap<>();
    Map<String, Integer> scores = new TreeMap<>();
    Map<String, List<String>> reasons = new TreeMap<>();
    Map<String, String> supersededBy = new TreeMap<>();
    Set<String> explaining = new LinkedHashSet<>();
    Set<ObservedError> observed = new LinkedHashSet<>();
    Set<Score> distinctScores = new LinkedHashSet<>();
    for (Object o : concluded) {
      if (o instanceof Finding f) {
        findings.merge(f.id(), f, DiagnosisPolicy::merge);
      } else if (o instanceof Check c) {
        checks.merge(c.id() + "\u0000" + c.title(), c, (a, b) -> new Check(a.id(), a.title(),
            union(a.evidence(), b.evidence()), a.ruleFile()));
      } else if (o instanceof Score s && distinctScores.add(s)) {
        // A reason counts once per finding, however often its rule fired (a finding concluded from two
        // sources, or an error observed both by a probe and in the ticket).
        scores.merge(s.findingId(), s.points(), Integer::sum);
        reasons.computeIfAbsent(s.findingId(), k -> new ArrayList<>())
            .add((s.points() >= 0 ? "+" : "") + s.points() + " " + s.reason());
      } else if (o instanceof Superseded s) {
        supersededBy.merge(s.findingId(), s.by(), (a, b) -> a.compareTo(b) <= 0 ? a : b);
      } else if (o instanceof ExplainsObservedError e) {
        explaining.add(e.findingId());
      } else if (o instanceof ObservedError e) {
        observed.add(e);
      }
    }
    List<RankedFinding> ranked = new ArrayList<>();
    for (Finding f : findings.values()) {
      ranked.add(new RankedFinding(f, scores.getOrDefault(f.id(), 0), reasons.getOrDefault(f.id(), List.of()),
          explaining.contains(f.id()), supersededBy.get(f.id())));
    }
    ranked.sort(ORDER);
    // Checks that rule out a cause which was nevertheless found would confuse; keep only consistent ones.
    List<Check> keptChecks = checks.values().stream().filter(c -> !findings.containsKey(c.id()))
        .sorted(Comparator.comparing(Check::title)).toList();
    List<ObservedError> errors = List.copyOf(observed);
    return new Outcome(verdict(ranked, errors, coverage), ranked, keptChecks, errors);
  }

  /** Highest score first; ties by severity, then id, so the order never depends on the session. */
  static final Comparator<RankedFinding> ORDER = Comparator.comparingInt(RankedFinding::score).reversed()
      .thenComparing(r -> r.finding().severity())
      .thenComparing(RankedFinding::id);

  static Verdict verdict(List<RankedFinding> ranked, List<ObservedError> observed, FactCoverage coverage) {
    RankedFinding cause = ranked.stream()
        .filter(r -> r.finding().severity() == Severity.ERROR || r.explainsObservedError())
        .findFirst().orElse(null);
    if (cause != null) {
      // The first finding that counts as a cause heads the report (a smell can outrank no cause).
      return new Verdict(Verdict.PROBLEM, cause.finding().title());
    }
    if (!observed.isEmpty()) {
      ObservedError e = observed.get(0);
      if (!coverage.enoughToJudge()) {
        return new Verdict(Verdict.INSUFFICIENT, "AWS refused the credentials (" + e.code() + "), but too few facts"
            + " were collected to say why", coverage.notKnown(), coverage.toCollect());
      }
      if (coverage.proven()) {
        return new Verdict(Verdict.INCONCLUSIVE, "AWS refused the credentials (" + e.code() + " in the "
            + e.origin() + "), but the credentials found here are accepted now" + caller(coverage)
            + ": the process that failed sent others, or they were fixed since",
            List.of("which credentials the process that failed sent (another shell's environment, another profile, "
                + "a long-running process that still holds old keys)"),
            List.of("Run `tokendoctor collect -o bundle.json` in the same shell, with the same profile, as the "
                + "command that failed, right after it fails"));
      }
      List<String> notKnown = new ArrayList<>(coverage.notKnown());
      notKnown.add("a fact that matches one of the known causes of " + e.code());
      return new Verdict(Verdict.INCONCLUSIVE, "AWS refused the credentials (" + e.code()
          + ") but no known cause matches the facts collected", notKnown, coverage.toCollect());
    }
    long smells = ranked.stream().filter(r -> r.finding().severity() != Severity.INFO).count();
    if (coverage.proven()) {
      return new Verdict(Verdict.OK, "No problem found: AWS accepts these credentials" + caller(coverage)
          + (smells == 0 ? "" : "; " + smells + (smells == 1 ? " smell is" : " smells are")
              + " listed below, none stops them"));
    }
    if (smells > 0) {
      return new Verdict(Verdict.PROBLEM, ranked.get(0).finding().title());
    }
    if (coverage.completeOffline()) {
      return new Verdict(Verdict.OK, "No problem found offline: every collector ran and found nothing wrong"
          + " (AWS was not asked; run without --offline to prove the credentials work)");
    }
    return new Verdict(Verdict.INSUFFICIENT, "Too few facts to judge: nothing shows that the credentials work,"
        + " and nothing wrong was found in what was collected", coverage.notKnown(), coverage.toCollect());
  }

  private static String caller(FactCoverage coverage) {
    String arn = coverage.accepted() == null ? null : coverage.accepted().callerArn();
    return arn == null ? "" : " (" + arn + ")";
  }

  /**
   * One cause concluded by several rules (its main form and a smell form, say): the strongest form gives the
   * title, severity and fix order, as in the ranking rules; what each form explains or supersedes adds up.
   */
  static Finding merge(Finding a, Finding b) {
    Finding lead = b.strongerThan(a) ? b : a;
    Finding other = lead == a ? b : a;
    Confidence confidence = a.confidence().compareTo(b.confidence()) <= 0 ? a.confidence() : b.confidence();
    return new Finding(lead.id(), lead.title(), lead.severity(), confidence,
        new LinkedHashSet<>(union(List.copyOf(lead.explains()), List.copyOf(other.explains()))),
        new LinkedHashSet<>(union(List.copyOf(lead.supersedes()), List.copyOf(other.supersedes()))),
        union(lead.evidence(), other.evidence()), union(lead.remediation(), other.remediation()),
        union(lead.sources(), other.sources()), lead.ruleFile());
  }

  private static <T> List<T> union(List<T> a, List<T> b) {
    LinkedHashSet<T> all = new LinkedHashSet<>(a);
    all.addAll(b);
    return List.copyOf(all);
  }
}
