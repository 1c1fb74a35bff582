package dev.tokendoctor.daemon;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;

/**
 * What a running daemon says about itself ({@code tokendoctor daemon status}).
 *
 * @param pid its process id
 * @param started when it started
 * @param served how many commands it has run
 * @param idleTimeout how long it waits for the next command before it stops
 * @param tool the jar (or classes folder) it runs
 */
public record Status(long pid, Instant started, long served, Duration idleTimeout, String tool) {

  void write(DataOutputStream out) throws IOException {
    out.writeLong(pid);
    out.writeLong(started.toEpochMilli());
    out.writeLong(served);
    out.writeLong(idleTimeout.toSeconds());
    Wire.writeString(out, tool);
  }

  static Status read(DataInputStream in) throws IOException {
    return new Status(in.readLong(), Instant.ofEpochMilli(in.readLong()), in.readLong(),
        Duration.ofSeconds(in.readLong()), Wire.readString(in));
  }
}
