package dev.tokendoctor.report;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.Evidence;
import dev.tokendoctor.diagnosis.Finding;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.diagnosis.Severity;
import dev.tokendoctor.differential.Candidate;
import dev.tokendoctor.differential.Differential;
import dev.tokendoctor.differential.Question;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The answer a support engineer pastes back to the customer as is ({@code --format reply}): the likely cause in
 * plain words and the fix for that cause only (a lower-ranked finding's fix can do harm, such as
 * {@code aws configure} on an SSO profile), or the questions to ask when more is needed. No cause ids, scores or
 * ruled-out lists; UTC times, never "9 h ago"; links to AWS documentation only; no HTML entities. The team's
 * greeting and signature come from a Mustache template ({@link ReplyOptions}).
 */
public final class ReplyReport {
  /** Hosts whose links a customer may be sent to: AWS's own documentation and knowledge center. */
  static final Set<String> DOC_HOSTS = Set.of("docs.aws.amazon.com", "aws.amazon.com", "repost.aws");
  private static final Pattern URL = Pattern.compile("https?://[^\\s)>\\]\"',]+");
  private static final Pattern INSTANT = Pattern.compile(
      "\\b(\\d{4}-\\d{2}-\\d{2})T(\\d{2}:\\d{2})(?::\\d{2}(?:\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})");
  private static final Pattern RELATIVE = Pattern.compile(
      "((?:\\d+\\s?(?:days?|d|hours?|h|minutes?|min|seconds?|s)\\b\\s?)+)(ago|before this check|before the check)");
  private static final Pattern UNIT = Pattern.compile("(\\d+)\\s?(days?|d|hours?|h|minutes?|min|seconds?|s)\\b");
  private static final Pattern ANGLED = Pattern.compile("<([^<>`\\n]{1,80})>");
  private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ReplyReport() {}

  static String render(Report report) {
    ReplyOptions options = report.reply();
    Template template = compile(options.templateText(), options.name());
    Map<String, Object> context = new HashMap<>();
    RankedFinding top = cause(report.diagnosis());
    Set<String> ids = ids(report);
    // A differential means no finding explains the refusal: a finding then is at most something noticed on the way.
    Differential differential = report.differential();
    RankedFinding cause = differential == null ? top : null;
    String answer = cause != null ? causeAnswer(cause.finding(), options.reference(), ids)
        : differential != null ? questionsAnswer(differential, ids, top == null ? null : plain(top.finding().title(),
            options.reference(), ids))
        : worksAnswer(report.diagnosis());
    context.put("answer", answer.strip());
    context.put("cause", cause == null ? "" : plain(cause.finding().title(), options.reference(), ids));
    context.put("hasCause", cause != null);
    context.put("needMoreInformation", differential != null && !differential.questions().isEmpty());
    return template.execute(context).replaceAll("\n{3,}", "\n\n").strip() + "\n";
  }

  /** The template's problem in one line ({@code name:line: ...}), or {@code null} when it compiles. */
  public static String problem(String template, String name) {
    try {
      compile(template, name);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  private static Template compile(String text, String name) {
    try {
      return Mustache.compiler().escapeHTML(false).defaultValue("").compile(text);
    } catch (MustacheException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      int line = e instanceof MustacheException.Context c ? c.lineNo : 0;
      throw new IllegalArgumentException(name + (line > 0 ? ":" + line : "") + ": not a Mustache template: " + m, e);
    }
  }

  /** The finding the reply is about: the first, when it is an error or a warning. */
  private static RankedFinding cause(Diagnosis d) {
    if (d.findings().isEmpty()) {
      return null;
    }
    RankedFinding top = d.findings().get(0);
    return top.finding().severity() == Severity.INFO ? null : top;
  }

  private static String causeAnswer(Finding f, Instant at, Set<String> ids) {
    StringBuilder sb = new StringBuilder();
    sb.append("**What we found:** ").append(sentence(plain(f.title(), at, ids))).append("\n\n");
    if (!f.evidence().isEmpty()) {
      sb.append("What shows it:\n\n");
      for (Evidence e : f.evidence()) {
        sb.append("- `").append(e.origin().replace("`", "'")).append("`: ")
            .append(sentence(plain(e.observation(), at, ids))).append('\n');
      }
      sb.append('\n');
    }
    if (!f.remediation().isEmpty()) {
      sb.append("**How to fix it:**\n\n");
      MarkdownReport.steps(sb, f.remediation(), step -> plain(step, at, ids));
    }
    links(sb, f.sources());
    return sb.toString();
  }

  private static String questionsAnswer(Differential d, Set<String> ids, String noticed) {
    StringBuilder sb = new StringBuilder();
    if (d.errorCode() != null) {
      sb.append("AWS answered `").append(d.errorCode()).append("`. ");
    }
    if (d.meaning() != null) {
      sb.append(plain(d.meaning(), null, ids)).append("\n\n");
    }
    if (!d.candidates().isEmpty()) {
      List<String> likely = d.candidates().stream().limit(3).map(Candidate::title).map(t -> lowerFirst(plain(t, null, ids)))
          .toList();
      sb.append("What you sent does not yet show which cause it is. The most common ones are: ")
          .append(String.join("; ", likely)).append(".\n\n");
    } else {
      sb.append("What you sent does not yet show what went wrong.\n\n");
    }
    if (noticed != null) {
      sb.append("We also noticed something worth a look, although it does not explain this error by itself: ")
          .append(lowerFirst(sentence(noticed))).append("\n\n");
    }
    sb.append("Could you run the following in the same terminal (or on the same machine) where the error happens, "
        + "and send us the output? None of these commands prints a secret key or a token.\n\n");
    questions(sb, d, ids);
    return sb.toString();
  }

  private static void questions(StringBuilder sb, Differential d, Set<String> ids) {
    int n = 1;
    for (Question q : d.questions()) {
      sb.append(n++).append(". ").append(sentence(plain(q.fact(), null, ids))).append("\n\n")
          .append("   ```sh\n   ").append(q.command()).append("\n   ```\n\n");
    }
  }

  private static String worksAnswer(Diagnosis d) {
    if ("ok".equals(d.verdict().status())) {
      return "We checked the credentials on your machine, and AWS accepts them: " + lowerFirst(d.verdict().headline()) + ".";
    }
    return "We found nothing wrong in what you sent, but that does not prove the credentials work. Could you run "
        + "`aws sts get-caller-identity` in the terminal where the error happens and send us its output?";
  }

  private static void links(StringBuilder sb, List<String> sources) {
    List<String> docs = sources.stream().filter(ReplyReport::awsDoc).distinct().toList();
    if (docs.isEmpty()) {
      return;
    }
    sb.append("More in the AWS documentation:\n\n");
    docs.forEach(u -> sb.append("- ").append(u).append('\n'));
    sb.append('\n');
  }

  /** A link to AWS documentation over HTTPS (the host, not the text, decides). */
  static boolean awsDoc(String url) {
    try {
      URI u = new URI(url.strip());
      String host = u.getHost();
      if (!"https".equals(u.getScheme()) || host == null || u.getUserInfo() != null) {
        return false;
      }
      String h = host.toLowerCase(java.util.Locale.ROOT);
      return DOC_HOSTS.contains(h) || h.endsWith(".docs.aws.amazon.com");
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /**
   * Text for the customer: cause ids replaced, times in UTC, links other than AWS documentation dropped, and
   * placeholders such as {@code <session token>} kept visible (a Markdown viewer would take them for HTML).
   */
  static String plain(String s, Instant at, Set<String> ids) {
    if (s == null) {
      return "";
    }
    String out = s;
    for (String id : ids) {
      out = out.replace("(" + id + ")", "").replace(id, "this cause");
    }
    out = replace(URL, out, m -> awsDoc(m.group()) ? m.group() : "");
    out = replace(RELATIVE, out, m -> relative(m, at));
    out = replace(INSTANT, out, ReplyReport::utc);
    out = replace(ANGLED, out, m -> "`<" + m.group(1) + ">`");
    return out.replaceAll("[ \\t]{2,}", " ").replace(" ,", ",").replace(" .", ".").strip();
  }

  private static String relative(Matcher m, Instant at) {
    if (at == null) {
      return "ago".equals(m.group(2)) ? "before" : "before the check";
    }
    Duration d = Duration.ZERO;
    Matcher u = UNIT.matcher(m.group(1));
    while (u.find()) {
      long n = Long.parseLong(u.group(1));
      char unit = u.group(2).charAt(0);
      d = d.plus(switch (unit) {
        case 'd' -> Duration.ofDays(n);
        case 'h' -> Duration.ofHours(n);
        case 'm' -> Duration.ofMinutes(n);
        default -> Duration.ofSeconds(n);
      });
    }
    return "ago".equals(m.group(2)) ? "at about " + UTC.format(at.minus(d)) : "before the check at " + UTC.format(at);
  }

  private static String utc(Matcher m) {
    try {
      return UTC.format(java.time.OffsetDateTime.parse(m.group()
          .replaceFirst("T(\\d{2}:\\d{2})(Z|[+-])", "T$1:00$2")).toInstant());
    } catch (DateTimeParseException e) {
      return m.group(1) + " " + m.group(2) + " UTC";
    }
  }

  private static String replace(Pattern p, String s, java.util.function.Function<Matcher, String> f) {
    Matcher m = p.matcher(s);
    StringBuilder sb = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  /** Every cause id the report names, so the reply can keep them out. */
  private static Set<String> ids(Report report) {
    Set<String> ids = new LinkedHashSet<>();
    report.diagnosis().findings().forEach(r -> ids.add(r.id()));
    report.diagnosis().checks().forEach(c -> ids.add(c.id()));
    if (report.differential() != null) {
      report.differential().candidates().forEach(c -> ids.add(c.id()));
      ids.addAll(report.differential().ruledOut());
    }
    ids.removeIf(i -> i == null || i.isBlank());
    return ids;
  }

  private static String sentence(String s) {
    return s.isEmpty() || s.endsWith(".") || s.endsWith("?") || s.endsWith("!") ? s : s + ".";
  }

  private static String lowerFirst(String s) {
    return s.isEmpty() || (s.length() > 1 && Character.isUpperCase(s.charAt(1))) ? s
        : Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }
}
