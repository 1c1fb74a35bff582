package dev.tokendoctor.daemon;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.Channels;
import java.nio.channels.SocketChannel;
import java.util.Optional;
import java.util.Timer;
import java.util.TimerTask;

/**
 * The client's side of the socket. Every call answers empty when no daemon answered completely (none running,
 * one that died, one that hung past {@link #REPLY_TIMEOUT_MS}); a command then runs in the client's own process.
 */
public final class DaemonClient {
  /** Longer than any command the daemon serves takes (a {@code rules test} after an edit compiles for seconds). */
  static final long REPLY_TIMEOUT_MS = 120_000;
  /** {@code status} and {@code stop} never wait behind commands: a daemon that does not answer them at once is stuck. */
  static final long CONTROL_TIMEOUT_MS = 5_000;

  private DaemonClient() {}

  /** Runs {@code request} on the daemon at {@code address}. */
  public static Optional<Reply> run(DaemonAddress address, Request request) {
    return exchange(address, Wire.RUN, out -> request.write(out), Reply::read, REPLY_TIMEOUT_MS);
  }

  /** What the daemon at {@code address} says about itself. */
  public static Optional<Status> status(DaemonAddress address) {
    return exchange(address, Wire.STATUS, out -> { }, Status::read, CONTROL_TIMEOUT_MS);
  }

  /** Asks the daemon at {@code address} to stop; true when it said it would. */
  public static boolean stop(DaemonAddress address) {
    return exchange(address, Wire.STOP, out -> { }, DataInputStream::readBoolean, CONTROL_TIMEOUT_MS).orElse(false);
  }

  private interface Body {
    void write(DataOutputStream out) throws IOException;
  }

  private interface Answer<T> {
    T read(DataInputStream in) throws IOException;
  }

  private static <T> Optional<T> exchange(DaemonAddress address, byte kind, Body body, Answer<T> answer,
      long timeoutMs) {
    if (!java.nio.file.Files.exists(address.socket())) {
      return Optional.empty();
    }
    Timer timer = null;
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(address.socket()));
      timer = new Timer("tokendoctor-daemon-timeout", true);
      timer.schedule(new TimerTask() {
        @Override
        public void run() {
          try {
            ch.close();
          } catch (IOException e) {
            // closing is all there is to do
          }
        }
      }, timeoutMs);
      DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(ch)));
      out.writeInt(Wire.MAGIC);
      out.writeByte(kind);
      body.write(out);
      out.flush();
      DataInputStream in = new DataInputStream(new BufferedInputStream(Channels.newInputStream(ch)));
      return Optional.of(answer.read(in));
    } catch (IOException e) {
      return Optional.empty();
    } finally {
      if (timer != null) {
        timer.cancel();
      }
    }
  }
}
