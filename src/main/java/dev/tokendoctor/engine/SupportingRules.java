package dev.tokendoctor.engine;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The rules that only support a finding: a variant of a cause (only {@code @id}, not named after it) whose
 * {@code then} part is one chain of evidence, {@code cause(kcontext).evidence(...)....conclude();}. Such a firing
 * concludes nothing by itself and the ranking rules never see its origins
 * ({@link dev.tokendoctor.diagnosis.CauseConclusion#conclude}), so a knowledge base without these rules concludes
 * and ranks alike and differs only in the evidence it puts in words: {@code batch}, whose rows show no evidence,
 * leaves them out (issue 16: about a third of the cause rules, 7-10 % of batch time).
 *
 * <p>Read from the DRL text ({@link DrlFile}), since a compiled consequence keeps no text. Anything else in the {@code then} part
 * (a fix step, a title, a local variable, a second statement, the older {@code finding(kcontext)} style) keeps the
 * rule in every knowledge base.
 */
final class SupportingRules {
  private static final String START = "cause(kcontext)";

  private SupportingRules() {}

  /** The names of the supporting rules among the rule files of {@code source}. */
  static Set<String> of(RuleSource source) {
    Set<String> names = new LinkedHashSet<>();
    for (SourceFile f : source.ruleFiles()) {
      // a file that does not parse did not compile either: it has no rules
      for (DrlRule r : DrlFile.parse(f).rules()) {
        if (isVariant(r) && onlyAddsEvidence(r.consequence())) {
          names.add(r.name());
        }
      }
    }
    return names;
  }

  /** A rule of a cause that states no form of it: an {@code @id} other than its name, no title, severity or confidence. */
  private static boolean isVariant(DrlRule r) {
    return r.id() != null && r.meta("kind") == null && !r.name().equals(r.id()) && r.meta("title") == null
        && r.meta("severity") == null && r.meta("confidence") == null;
  }

  /**
   * {@code then} is {@code cause(kcontext)}, then only {@code .evidence(...)} and {@code .order(...)} calls (at
   * least one evidence), then {@code .conclude();}, and nothing else but blanks and comments.
   */
  static boolean onlyAddsEvidence(String then) {
    String s = withoutComments(then).strip();
    if (!s.startsWith(START)) {
      return false;
    }
    int i = START.length();
    boolean evidence = false;
    while (true) {
      i = blanks(s, i);
      if (i >= s.length() || s.charAt(i) != '.') {
        return false;
      }
      int nameStart = blanks(s, i + 1);
      int nameEnd = nameStart;
      while (nameEnd < s.length() && Character.isJavaIdentifierPart(s.charAt(nameEnd))) {
        nameEnd++;
      }
      String name = s.substring(nameStart, nameEnd);
      int open = blanks(s, nameEnd);
      if (open >= s.length() || s.charAt(open) != '(') {
        return false;
      }
      int close = closingParenthesis(s, open);
      if (close < 0) {
        return false;
      }
      switch (name) {
        case "evidence" -> evidence = true;
        case "order" -> { }
        case "conclude" -> {
          int end = blanks(s, close + 1);
          return evidence && close == blanks(s, open + 1) && end < s.length() && s.charAt(end) == ';'
              && blanks(s, end + 1) == s.length();
        }
        default -> {
          return false;
        }
      }
      i = close + 1;
    }
  }

  /** The index of the parenthesis closing the one at {@code open}, skipping string and character literals; -1 if none. */
  private static int closingParenthesis(String s, int open) {
    int depth = 0;
    for (int i = open; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        i = endOfLiteral(s, i);
        if (i < 0) {
          return -1;
        }
      } else if (c == '(') {
        depth++;
      } else if (c == ')' && --depth == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The index of the quote closing the literal that starts at {@code start}; -1 if none. */
  private static int endOfLiteral(String s, int start) {
    char quote = s.charAt(start);
    for (int i = start + 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == quote) {
        return i;
      }
    }
    return -1;
  }

  private static int blanks(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** {@code s} with its {@code //} and {@code /* *}{@code /} comments blanked, string literals left as they are. */
  static String withoutComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\'') {
        int end = endOfLiteral(s, i);
        int stop = end < 0 ? s.length() - 1 : end;
        out.append(s, i, stop + 1);
        i = stop;
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '/') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
        out.append('\n');
      } else if (c == '/' && i + 1 < s.length() && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? s.length() : end + 1;
        out.append(' ');
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
