package dev.tokendoctor.ticket;

import java.util.ArrayList;
import java.util.List;

/**
 * A ticket's text as lines, numbered as the customer wrote them, with what only wraps the pasted content
 * removed: Markdown code fences (the fence line stays, empty), e-mail quote marks ({@code > }), CR of CRLF.
 * The text is raw (secrets included): extractors describe values, they never keep them.
 */
final class TicketText {
  private final List<String> lines;
  private final String joined;

  TicketText(String text) {
    List<String> out = new ArrayList<>();
    for (String l : text.split("\r?\n|\r", -1)) {
      String s = l;
      while (s.startsWith(">")) {
        s = s.startsWith("> ") ? s.substring(2) : s.substring(1);
      }
      if (s.strip().startsWith("```") || s.strip().startsWith("~~~")) {
        s = "";
      }
      out.add(s);
    }
    this.lines = List.copyOf(out);
    this.joined = String.join("\n", out);
  }

  /** Number of lines. */
  int size() {
    return lines.size();
  }

  /** Line {@code n}, 1-based. */
  String line(int n) {
    return lines.get(n - 1);
  }

  /** The whole text, lines joined by LF. */
  String all() {
    return joined;
  }

  /** The 1-based line that holds character {@code offset} of {@link #all()}. */
  int lineAt(int offset) {
    int n = 1;
    for (int i = 0; i < offset && i < joined.length(); i++) {
      if (joined.charAt(i) == '\n') {
        n++;
      }
    }
    return n;
  }

  /** How evidence names line {@code n}. */
  static String origin(int n) {
    return "ticket line " + n;
  }
}
