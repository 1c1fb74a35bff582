package dev.tokendoctor.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.FunctionDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.ast.descr.TypeDeclarationDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

/**
 * A rule file as written: its package, rules and their metadata, read with the DRL parser alone. A file that
 * does not parse has {@code parsed == false} and no rules (the compiler's messages say why).
 *
 * @param source the file
 * @param parsed the parser read it without errors
 * @param packageName its {@code package}
 * @param rules its rules, in file order
 * @param functions the names of the {@code function}s it declares
 * @param declaredTypes the names of the types it declares with {@code declare}
 */
public record DrlFile(
    SourceFile source, boolean parsed, String packageName, List<DrlRule> rules, List<String> functions,
    List<String> declaredTypes) {

  public DrlFile {
    rules = List.copyOf(rules);
    functions = List.copyOf(functions);
    declaredTypes = List.copyOf(declaredTypes);
  }

  /** Reads {@code f} with the DRL parser. */
  public static DrlFile parse(SourceFile f) {
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, f.text());
    } catch (DroolsParserException | RuntimeException e) {
      return new DrlFile(f, false, null, List.of(), List.of(), List.of());
    }
    if (pkg == null || parser.hasErrors()) {
      return new DrlFile(f, false, pkg == null ? null : pkg.getName(), List.of(), List.of(), List.of());
    }
    String[] lines = f.text().split("\r?\n", -1);
    List<DrlRule> rules = new ArrayList<>();
    for (RuleDescr r : pkg.getRules()) {
      Map<String, String> meta = new LinkedHashMap<>();
      Map<String, Integer> metaLines = new HashMap<>();
      int last = r.getLhs() != null && r.getLhs().getLine() > 0 ? r.getLhs().getLine() : r.getConsequenceLine();
      for (AnnotationDescr a : r.getAnnotations()) {
        meta.put(a.getName(), unquote(a.getSingleValueAsString()));
        metaLines.put(a.getName(), find(lines, r.getLine(), last, Pattern.compile("@" + Pattern.quote(a.getName()) + "\\b")));
      }
      String consequence = r.getConsequence() == null ? "" : r.getConsequence().toString();
      rules.add(new DrlRule(r.getName(), r.getLine(), r.getEndLine(), meta, metaLines, consequence, r.getConsequenceLine()));
    }
    return new DrlFile(f, true, pkg.getName(), rules,
        pkg.getFunctions().stream().map(FunctionDescr::getName).toList(),
        pkg.getTypeDeclarations().stream().map(TypeDeclarationDescr::getTypeName).toList());
  }

  /** The file starts with a comment (the plain-words header every rule file carries). */
  public boolean hasHeaderComment() {
    return source.text().lines().filter(l -> !l.isBlank()).findFirst()
        .map(l -> l.strip().startsWith("//") || l.strip().startsWith("/*")).orElse(false);
  }

  /** The comment lines at the top of the file, without their {@code //}. */
  public String headerComment() {
    StringBuilder sb = new StringBuilder();
    for (String l : source.text().split("\r?\n")) {
      String s = l.strip();
      if (!s.startsWith("//")) {
        if (s.isEmpty() && sb.length() == 0) {
          continue;
        }
        break;
      }
      sb.append(s.length() > 2 && s.charAt(2) == ' ' ? s.substring(3) : s.substring(2)).append('\n');
    }
    return sb.toString();
  }

  /** The cause rules of the file. */
  public List<DrlRule> causeRules() {
    return rules.stream().filter(DrlRule::cause).toList();
  }

  /** The first line in {@code [from, to]} (1-based) where {@code pattern} occurs, else {@code from}. */
  public static int find(String[] lines, int from, int to, Pattern pattern) {
    for (int i = Math.max(1, from); i <= Math.min(to, lines.length); i++) {
      Matcher m = pattern.matcher(lines[i - 1]);
      if (m.find()) {
        return i;
      }
    }
    return from;
  }

  private static String unquote(String s) {
    if (s == null) {
      return null;
    }
    String v = s.strip();
    if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
      v = v.substring(1, v.length() - 1);
    }
    return v;
  }
}
