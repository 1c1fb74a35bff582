package dev.tokendoctor.differential;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Check;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.ObservedError;
import dev.tokendoctor.diagnosis.Severity;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.RuleInfo;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.facts.CollectorRun;
import dev.tokendoctor.facts.StsProbe;
import dev.tokendoctor.facts.TicketContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;
import org.kie.api.KieBase;

/**
 * Builds the differential of a diagnosis: when AWS refused and no finding explains the refusal (or the bundle is
 * too thin to judge), the causes whose rules' {@code @explains} name the error AWS returned, less those a check
 * ruled out or a finding already names, ranked by the team's priors, with the questions that tell them apart.
 * Thread-safe; the data files are read once per knowledge base.
 */
public final class Differentials {
  /** Questions of the most likely causes that are asked, the full-bundle question aside. */
  static final int MAX_QUESTIONS = 6;
  private static final Pattern PROFILE_NAME = Pattern.compile("[A-Za-z0-9_.@+\\-]{1,64}");
  private static final Map<KieBase, DifferentialData> LOADED = Collections.synchronizedMap(new WeakHashMap<>());

  private Differentials() {}

  /** The knowledge base's differential data, read from its rules folder on first use. */
  public static DifferentialData data(KnowledgeBase kb) throws RulesException {
    DifferentialData d = LOADED.get(kb.kieBase());
    if (d == null) {
      Set<String> ids = new LinkedHashSet<>();
      kb.causeRules().forEach(r -> ids.add(r.metadata().id()));
      d = DifferentialData.load(kb.source(), ids);
      LOADED.put(kb.kieBase(), d);
    }
    return d;
  }

  /**
   * The differential of {@code d}, or {@code null} when none is needed: a finding explains the refusal, a
   * problem was found and no error code says otherwise, AWS accepted the credentials, or the bundle found a
   * problem without a refusal.
   */
  public static Differential of(KnowledgeBase kb, FactBundle bundle, Diagnosis d) throws RulesException {
    if (!needed(bundle, d)) {
      return null;
    }
    String code = errorCode(bundle, d);
    boolean refused = refused(bundle, code);
    boolean works = bundle.stsProbes().stream().anyMatch(p -> p.primary() && p.ok());
    boolean thin = bundle.collectors().isEmpty() && d.findings().isEmpty() && !works;
    if (!refused && !thin) {
      return null;
    }
    DifferentialData data = data(kb);
    List<Candidate> candidates = new ArrayList<>();
    List<String> ruledOut = new ArrayList<>();
    if (refused) {
      rank(kb, data, d, code, candidates, ruledOut);
    }
    Set<String> collected = new LinkedHashSet<>();
    bundle.collectors().stream().filter(CollectorRun::ok).forEach(c -> collected.add(c.name()));
    List<Question> questions = questions(data, candidates, code == null, profile(bundle), collected);
    return new Differential(code, refused ? data.meaning(code) : null, candidates, ruledOut, questions);
  }

  /**
   * Whether {@code d} has a differential that lists candidates, and so depends on the checks (a cause a check
   * ruled out is no candidate). A diagnosis without checks ({@code batch}) is made again with them then.
   */
  public static boolean dependsOnChecks(FactBundle bundle, Diagnosis d) {
    return needed(bundle, d) && refused(bundle, errorCode(bundle, d));
  }

  /** No differential when a finding explains the refusal, or when an error is found and no error code says otherwise. */
  private static boolean needed(FactBundle bundle, Diagnosis d) {
    boolean explained = d.findings().stream().anyMatch(r -> r.explainsObservedError() && r.supersededBy() == null);
    if (explained) {
      return false;
    }
    boolean problemFound = d.findings().stream().anyMatch(r -> r.finding().severity() == Severity.ERROR);
    // No error code to contradict it: the finding is the answer, not one guess among many.
    return errorCode(bundle, d) != null || !problemFound;
  }

  private static boolean refused(FactBundle bundle, String code) {
    TicketContext ticket = bundle.ticket();
    return code != null || bundle.stsProbes().stream().anyMatch(p -> p.primary() && p.failed())
        || (ticket != null && ticket.errorText() != null && !ticket.errorText().isBlank());
  }

  /** The error the person saw: the one the ranking rules observed, else the primary probe's, else the ticket's. */
  static String errorCode(FactBundle bundle, Diagnosis d) {
    for (ObservedError e : d.observedErrors()) {
      if (e.code() != null && !e.code().isBlank()) {
        return e.code();
      }
    }
    for (StsProbe p : bundle.stsProbes()) {
      if (p.primary() && p.failed() && p.errorCode() != null) {
        return p.errorCode();
      }
    }
    TicketContext t = bundle.ticket();
    return t == null || t.errorCode() == null || t.errorCode().isBlank() ? null : t.errorCode();
  }

  private static void rank(KnowledgeBase kb, DifferentialData data, Diagnosis d, String code,
      List<Candidate> out, List<String> ruledOut) {
    Set<String> found = new LinkedHashSet<>(d.findingIds());
    Set<String> checked = new LinkedHashSet<>();
    for (Check c : d.checks()) {
      checked.add(c.id());
    }
    Map<String, String> titles = new LinkedHashMap<>();
    for (RuleInfo r : kb.causeRules()) {
      Set<String> explains = r.metadata().explains();
      boolean consistent = code == null ? !explains.isEmpty() : explains.contains(code);
      if (consistent && r.metadata().id() != null && !found.contains(r.metadata().id())) {
        titles.putIfAbsent(r.metadata().id(), r.metadata().title());
      }
    }
    List<String[]> kept = new ArrayList<>();
    long total = 0;
    for (Map.Entry<String, String> e : titles.entrySet()) {
      String id = e.getKey();
      if (checked.contains(id)) {
        ruledOut.add(id);
        continue;
      }
      int prior = data.prior(code, id);
      if (prior > 0) {
        kept.add(new String[] {id, e.getValue(), Integer.toString(prior)});
        total += prior;
      }
    }
    for (String[] k : kept) {
      int prior = Integer.parseInt(k[2]);
      out.add(new Candidate(k[0], k[1], prior, total == 0 ? 0 : (double) prior / total, data.questions().get(k[0])));
    }
    out.sort(Comparator.comparingInt(Candidate::prior).reversed().thenComparing(Candidate::id));
    Collections.sort(ruledOut);
  }

  /**
   * The questions of the likeliest candidates, each command once (a shared command separates the causes of every
   * question it answers), the "which error?" question first when the error is unknown, the full bundle last.
   */
  static List<Question> questions(DifferentialData data, List<Candidate> candidates, boolean noError, String profile,
      Set<String> collected) {
    Set<String> candidateIds = new LinkedHashSet<>();
    candidates.forEach(c -> candidateIds.add(c.id()));
    Map<String, Question> byCommand = new LinkedHashMap<>();
    if (noError) {
      data.noError().forEach(q -> add(byCommand, q, profile, candidateIds));
    }
    for (Candidate c : candidates) {
      if (c.question() == null || answered(c.question(), collected)) {
        continue;
      }
      String command = command(c.question().command(), profile);
      if (!byCommand.containsKey(command) && byCommand.size() >= MAX_QUESTIONS) {
        continue;
      }
      add(byCommand, c.question(), profile, candidateIds);
    }
    data.always().forEach(q -> add(byCommand, q, profile, candidateIds));
    return List.copyOf(byCommand.values());
  }

  /** The bundle already holds the answer: every collector that would have seen it ran. */
  private static boolean answered(Question q, Set<String> collected) {
    return !q.knownFrom().isEmpty() && collected.containsAll(q.knownFrom());
  }

  private static void add(Map<String, Question> byCommand, Question q, String profile, Set<String> candidates) {
    String command = command(q.command(), profile);
    List<String> separates = q.separates().stream().filter(candidates::contains).toList();
    Question merged = byCommand.get(command);
    if (merged == null) {
      byCommand.put(command, new Question(q.fact(), separates, q.why(), command, q.knownFrom()));
      return;
    }
    Set<String> union = new LinkedHashSet<>(merged.separates());
    union.addAll(separates);
    byCommand.put(command, new Question(merged.fact(), List.copyOf(union), merged.why(), command, merged.knownFrom()));
  }

  /** The command with the profile in use, or without {@code --profile} when none is known (the default then). */
  static String command(String template, String profile) {
    if (profile != null) {
      return template.replace("{profile}", profile);
    }
    return template.replace(" --profile {profile}", "").replace("{profile}", "default");
  }

  private static String profile(FactBundle bundle) {
    if (bundle.profile() == null || bundle.profile().name() == null) {
      return null;
    }
    String name = bundle.profile().name();
    return PROFILE_NAME.matcher(name).matches() ? name : null;
  }
}
