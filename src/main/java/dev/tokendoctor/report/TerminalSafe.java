package dev.tokendoctor.report;

/**
 * Makes rendered text safe to print on a terminal or paste into a ticket. Reports print values that come from
 * bundles, and bundles are untrusted: an {@code errorCode} holding {@code ESC[1A ESC[2K} could move the cursor
 * up and erase the verdict line, a carriage return could overwrite it, a right-to-left override could reverse
 * it. Every control character (C0 but the line feeds the report itself writes, DEL, C1) and every
 * bidirectional or line-separator formatting character is replaced by a visible escape ({@code \x1b},
 * {@code \u202e}), so the reader sees that the value held one and nothing acts on it.
 */
final class TerminalSafe {
  private TerminalSafe() {}

  /** {@code text} with every control and bidi formatting character but {@code \n} written as a visible escape. */
  static String of(String text) {
    int i = 0;
    while (i < text.length() && !unsafe(text.charAt(i))) {
      i++;
    }
    if (i == text.length()) {
      return text;
    }
    StringBuilder sb = new StringBuilder(text.length() + 16).append(text, 0, i);
    for (; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!unsafe(c)) {
        sb.append(c);
      } else if (c < 0x100) {
        sb.append(String.format("\\x%02x", (int) c));
      } else {
        sb.append(String.format("\\u%04x", (int) c));
      }
    }
    return sb.toString();
  }

  private static boolean unsafe(char c) {
    return (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f)
        || (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069') || c == '\u200e' || c == '\u200f'
        || c == '\u061c' || c == '\u2028' || c == '\u2029';
  }
}
