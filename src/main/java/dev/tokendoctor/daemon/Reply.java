package dev.tokendoctor.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;

/**
 * What a command run by the daemon wrote and how it ended. Sent whole once the command is done, so that a daemon
 * that dies half-way leaves the client with nothing written and free to run the command itself.
 *
 * @param stdout the bytes written to standard output
 * @param stderr the bytes written to standard error
 * @param exitCode the exit code
 */
public record Reply(byte[] stdout, byte[] stderr, int exitCode) {

  void write(DataOutputStream out) throws IOException {
    Wire.writeBytes(out, stdout);
    Wire.writeBytes(out, stderr);
    out.writeInt(exitCode);
  }

  static Reply read(DataInputStream in) throws IOException {
    return new Reply(Wire.readBytes(in, Wire.MAX_REPLY), Wire.readBytes(in, Wire.MAX_REPLY), in.readInt());
  }
}
