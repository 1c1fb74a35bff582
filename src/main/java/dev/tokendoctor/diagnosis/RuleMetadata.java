package dev.tokendoctor.diagnosis;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.kie.api.definition.rule.Rule;

/**
 * The metadata a rule declares with {@code @key("value")}: what a finding or a check is called, how bad it is,
 * what it explains and where the knowledge comes from.
 *
 * @param id the cause id
 * @param kind {@code cause} (the default), {@code check} or {@code ranking}
 * @param title the one-line title
 * @param severity {@code error}, {@code warning} or {@code info}
 * @param confidence {@code high}, {@code medium} or {@code low}
 * @param explains AWS error codes the cause produces
 * @param supersedes cause ids this one is a more specific form of
 * @param sources public sources, whitespace-separated in the rule
 */
public record RuleMetadata(
    String id,
    String kind,
    String title,
    String severity,
    String confidence,
    Set<String> explains,
    Set<String> supersedes,
    List<String> sources) {

  /** Metadata lists are separated by spaces or commas. Compiled once: a batch run reads metadata per firing. */
  private static final Pattern SEPARATORS = Pattern.compile("[\\s,]+");

  public static RuleMetadata of(Rule rule) {
    Map<String, Object> meta = rule.getMetaData();
    return new RuleMetadata(
        text(meta, "id"),
        text(meta, "kind") == null ? "cause" : text(meta, "kind"),
        text(meta, "title"),
        text(meta, "severity"),
        text(meta, "confidence"),
        words(meta, "explains"),
        words(meta, "supersedes"),
        List.copyOf(words(meta, "sources")));
  }

  /**
   * This rule's metadata, with what it leaves out taken from {@code lead} (the rule named after the cause id). A rule
   * that declares its own {@code @severity} is another form of the cause (a smell form for an unused profile, say):
   * it explains and supersedes only what it declares itself, as the ranking expects of such a form; a rule with only
   * {@code @id} is a piece of the lead's form and takes all of it.
   */
  public RuleMetadata inheritFrom(RuleMetadata lead) {
    return inheritFrom(lead, Set.of());
  }

  /**
   * The same, where {@code declared} names the keys the rule writes itself. A rule that declares its own
   * {@code @severity} is another form of the cause and explains and supersedes only what it declares; a form
   * that explains or supersedes nothing can also say so with {@code @explains("")}.
   */
  public RuleMetadata inheritFrom(RuleMetadata lead, Set<String> declared) {
    boolean ownForm = severity != null;
    return new RuleMetadata(id, kind, title != null ? title : lead.title(), severity != null ? severity : lead.severity(),
        confidence != null ? confidence : lead.confidence(),
        explains.isEmpty() && !ownForm && !declared.contains("explains") ? lead.explains() : explains,
        supersedes.isEmpty() && !ownForm && !declared.contains("supersedes") ? lead.supersedes() : supersedes,
        sources.isEmpty() ? lead.sources() : sources);
  }

  public boolean cause() {
    return "cause".equals(kind);
  }

  public boolean check() {
    return "check".equals(kind);
  }

  private static String text(Map<String, Object> meta, String key) {
    Object v = meta.get(key);
    if (v == null) {
      return null;
    }
    String s = v.toString().strip();
    // Drools keeps the quotes of some metadata values; the rule author never means them.
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      s = s.substring(1, s.length() - 1);
    }
    return s;
  }

  private static Set<String> words(Map<String, Object> meta, String key) {
    String s = text(meta, key);
    if (s == null || s.isBlank()) {
      return Set.of();
    }
    return new LinkedHashSet<>(Arrays.asList(SEPARATORS.split(s.trim())));
  }
}
