package dev.tokendoctor.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The byte layout both ends speak: a magic number and a kind, then length-prefixed fields. */
final class Wire {
  /** "TDD" and the protocol version: a client and a server of different builds never meet (the address has the build). */
  static final int MAGIC = 0x54444431;

  static final byte RUN = 1;
  static final byte STATUS = 2;
  static final byte STOP = 3;

  /** No field a client sends is larger: a bundle is at most a few MiB (BundleLimits), arguments are short. */
  static final int MAX_FIELD = 64 << 20;

  private Wire() {}

  static void writeBytes(DataOutputStream out, byte[] b) throws IOException {
    out.writeInt(b.length);
    out.write(b);
  }

  static byte[] readBytes(DataInputStream in) throws IOException {
    int n = in.readInt();
    if (n < 0 || n > MAX_FIELD) {
      throw new IOException("daemon protocol: a field of " + n + " bytes");
    }
    return in.readNBytes(n);
  }

  static void writeString(DataOutputStream out, String s) throws IOException {
    writeBytes(out, s.getBytes(StandardCharsets.UTF_8));
  }

  static String readString(DataInputStream in) throws IOException {
    return new String(readBytes(in), StandardCharsets.UTF_8);
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
