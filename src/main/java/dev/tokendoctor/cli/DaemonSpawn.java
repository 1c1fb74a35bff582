package dev.tokendoctor.cli;

import dev.tokendoctor.daemon.DaemonAddress;
import dev.tokendoctor.daemon.DaemonServer;
import dev.tokendoctor.daemon.Request;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a daemon in the background, for the next command; never for this one, which has already run. */
final class DaemonSpawn {
  /** The daemon's log is kept short: it only says when daemons started and why they stopped. */
  private static final long LOG_LIMIT = 64 * 1024;

  private DaemonSpawn() {}

  /** Starts {@code address}'s daemon unless one holds its lock (running or starting); true when one was started. */
  static boolean start(DaemonAddress address, Path jar) {
    if (jar == null || DaemonServer.locked(address)) {
      return false;
    }
    List<String> cmd = new ArrayList<>();
    // Its own session: Ctrl-C in this terminal, or closing it, does not stop the daemon with this command.
    for (String setsid : List.of("/usr/bin/setsid", "/bin/setsid")) {
      if (Files.isExecutable(Path.of(setsid))) {
        cmd.add(setsid);
        break;
      }
    }
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // A small heap that gives memory back: it holds a few knowledge bases (about 20 MiB each) between commands,
    // and needs more only while it compiles an edited rules folder (the whole rules/ compiles in 128 MiB). The
    // serial collector keeps threads low, and returns memory to the system when the heap shrinks.
    // A fixed young generation: a command allocates a few MiB, and a young generation shrunk to a few MiB
    // collected every few commands (measured: every 4th) adds milliseconds to each answer.
    // 20 % free while commands run, 5 % after the collection 2 s after a command (HeapTrim), and all at once
    // (-ShrinkHeapInSteps); glibc's free memory trimmed every 5 s (a compile leaves much of it behind).
    // C1 alone (issue 16): C2's compiler threads and the code they make held a good part of the daemon's 301-307
    // MiB under bench/startup.sh. With all of this, 207-219 MiB idle after it (issue 16's target: 220).
    cmd.addAll(List.of("-Xms48m", "-Xmn24m", "-Xmx160m", "-XX:MinHeapFreeRatio=20", "-XX:MaxHeapFreeRatio=20",
        // not every Java 17 knows TrimNativeHeapInterval: one that does not ignores it rather than fail to start
        "-XX:-ShrinkHeapInSteps", "-XX:+IgnoreUnrecognizedVMOptions", "-XX:TrimNativeHeapInterval=5000",
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:-UsePerfData", "-cp", jar.toString(),
        Main.class.getName(), "daemon", "serve", "--dir", address.dir().toString(), "--key", address.key()));
    // Its working folder is its own: the one this command ran in may be a mount someone wants to unmount.
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(address.dir().toFile());
    // Only what the commands it runs may read: no key, secret or token of this shell lives on in the daemon.
    pb.environment().keySet().removeIf(k -> !Request.forwarded(k) && !k.equals("PATH"));
    // glibc gives each thread that allocates its own malloc arena (64 MiB reserved, part of it resident); the daemon
    // answers one command at a time, so two arenas are plenty and its resident memory stays small.
    pb.environment().put("MALLOC_ARENA_MAX", "2");
    try {
      Path log = address.log();
      if (Files.exists(log) && Files.size(log) > LOG_LIMIT) {
        Files.delete(log);
      }
      pb.redirectInput(Redirect.from(Path.of("/dev/null").toFile()));
      pb.redirectOutput(Redirect.appendTo(log.toFile()));
      pb.redirectErrorStream(true);
      pb.start();
      return true;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return false;
    }
  }
}
