package dev.tokendoctor.startup;

import dev.tokendoctor.cli.ExitCodes;
import dev.tokendoctor.cli.Launch;
import dev.tokendoctor.cli.Main;
import dev.tokendoctor.daemon.DaemonAddress;
import dev.tokendoctor.daemon.DaemonClient;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The run the launcher records the client's class-data-sharing archive from: only what a command answered by the
 * daemon loads in the client's JVM (the socket, the request, the reply), against a daemon of its own started
 * in another process, so that the archive holds nothing else. With the daemon up, the client starts from this
 * small archive instead of the full one (about 15 ms less, measured by {@code bench/startup.sh}).
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A -cp tokendoctor.jar dev.tokendoctor.startup.ClientTrainingRun
 * BUNDLE}
 */
public final class ClientTrainingRun {
  private ClientTrainingRun() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    Path jar = DaemonAddress.runningJar();
    if (jar == null || args.length != 1) {
      throw new IllegalStateException("usage: java -cp tokendoctor.jar " + ClientTrainingRun.class.getName() + " BUNDLE");
    }
    Path work = Files.createTempDirectory("tokendoctor-client-training");
    Path dir = Files.createDirectory(work.resolve("d"),
        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    DaemonAddress address = DaemonAddress.of(dir, "training");
    Process server = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp", jar.toString(), Main.class.getName(), "daemon", "serve",
        "--dir", dir.toString(), "--key", "training", "--idle-seconds", "60", "--no-warm-up"))
        .redirectInput(Redirect.from(Path.of("/dev/null").toFile())).redirectErrorStream(true)
        .redirectOutput(Redirect.DISCARD).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
      while (DaemonClient.status(address).isEmpty()) {
        if (System.nanoTime() > deadline || !server.isAlive()) {
          throw new IllegalStateException("client training run: the daemon did not start");
        }
        Thread.sleep(50);
      }
      for (String format : List.of("text", "json")) {
        int code = Launch.throughDaemon(address, "diagnose", Path.of(args[0]).toAbsolutePath().toString(), "--format", format);
        if (code != ExitCodes.OK && code != ExitCodes.PROBLEM) {
          throw new IllegalStateException("client training run: diagnose exited " + code);
        }
      }
    } finally {
      DaemonClient.stop(address);
      if (!server.waitFor(20, TimeUnit.SECONDS)) {
        server.destroyForcibly();
      }
      try (var walk = Files.walk(work)) {
        for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(p);
        }
      }
    }
  }
}
