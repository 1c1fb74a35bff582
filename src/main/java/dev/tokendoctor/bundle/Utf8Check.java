package dev.tokendoctor.bundle;

/**
 * Bundles are UTF-8, as JSON on the wire must be (RFC 8259). A JSON parser would also read UTF-16 and UTF-32, and
 * some decode malformed UTF-8 (overlong forms, surrogates) without a word; either way the bytes people attached
 * are not what the tool read. This finds the first such problem, in one line, with its byte offset.
 */
final class Utf8Check {
  private Utf8Check() {}

  /** The problem with {@code b} as UTF-8 text, or {@code null} when it is well-formed UTF-8. */
  static String problem(byte[] b) {
    String wide = wideEncoding(b);
    if (wide != null) {
      return "the file is " + wide + "; bundles are UTF-8 (convert it: iconv -f " + wide + " -t UTF-8)";
    }
    int i = 0;
    int n = b.length;
    while (i < n) {
      int c = b[i] & 0xff;
      if (c < 0x80) {
        i++;
        continue;
      }
      int len;
      int min;
      if (c >= 0xc2 && c <= 0xdf) {
        len = 2;
        min = 0x80;
      } else if (c >= 0xe0 && c <= 0xef) {
        len = 3;
        min = 0x800;
      } else if (c >= 0xf0 && c <= 0xf4) {
        len = 4;
        min = 0x10000;
      } else {
        return invalid(i, c == 0xc0 || c == 0xc1 ? "an overlong encoding" : "a byte that cannot start a character");
      }
      if (i + len > n) {
        return invalid(i, "a character cut off at the end");
      }
      int cp = c & (0xff >> (len + 1));
      for (int k = 1; k < len; k++) {
        int cc = b[i + k] & 0xff;
        if ((cc & 0xc0) != 0x80) {
          return invalid(i, "a character cut short");
        }
        cp = (cp << 6) | (cc & 0x3f);
      }
      if (cp < min) {
        return invalid(i, "an overlong encoding");
      }
      if (cp >= 0xd800 && cp <= 0xdfff) {
        return invalid(i, "an encoded surrogate");
      }
      if (cp > 0x10ffff) {
        return invalid(i, "a character beyond Unicode");
      }
      i += len;
    }
    return null;
  }

  private static String invalid(int offset, String what) {
    return "not valid UTF-8: " + what + " at byte " + offset;
  }

  /** UTF-16 or UTF-32, by byte-order mark or by the zero bytes ASCII has in them ("{" is 7B 00 in UTF-16LE). */
  private static String wideEncoding(byte[] b) {
    if (startsWith(b, 0x00, 0x00, 0xfe, 0xff) || startsWith(b, 0xff, 0xfe, 0x00, 0x00)) {
      return "UTF-32";
    }
    if (startsWith(b, 0xfe, 0xff) || startsWith(b, 0xff, 0xfe)) {
      return "UTF-16";
    }
    if (b.length >= 4 && (b[0] == 0 && b[1] == 0 && b[2] == 0 && b[3] != 0 || b[0] != 0 && b[1] == 0 && b[2] == 0 && b[3] == 0)) {
      return "UTF-32";
    }
    if (b.length >= 2 && (b[0] == 0 && b[1] != 0 || b[0] != 0 && b[1] == 0)) {
      return "UTF-16";
    }
    return null;
  }

  private static boolean startsWith(byte[] b, int... prefix) {
    if (b.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if ((b[i] & 0xff) != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
