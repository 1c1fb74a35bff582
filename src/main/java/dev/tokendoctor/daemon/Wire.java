package dev.tokendoctor.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The byte layout both ends speak: a magic number and a kind, then length-prefixed fields. */
final class Wire {
  /** "TDD" and the protocol version: a client and a server of different builds never meet (the address has the build). */
  static final int MAGIC = 0x54444432;

  static final byte RUN = 1;
  static final byte STATUS = 2;
  static final byte STOP = 3;

  /** No string a client sends is larger: arguments, variables and paths are short. */
  static final int MAX_STRING = 1 << 20;
  /** No reply field is larger (a report of the largest bundle is a few MiB). */
  static final int MAX_REPLY = 64 << 20;

  private Wire() {}

  static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  /** A field of at most {@code max} bytes: a larger one is refused before anything is allocated for it. */
  static byte[] readBytes(DataInputStream in, int max) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > max) {
      throw new IOException("daemon protocol: a field of " + n + " bytes");
    }
    return in.readNBytes(n);
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in, MAX_STRING), StandardCharsets.UTF_8);
  }

  static void writeCount(DataOutputStream out, int n) throws IOException {
    out.writeInt(n);
  }

  static int readCount(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > 100_000) {
      throw new IOException("daemon protocol: a count of " + n);
    }
    return n;
  }
}
