package dev.tokendoctor.cli;

import dev.tokendoctor.daemon.DaemonAddress;
import dev.tokendoctor.daemon.DaemonClient;
import dev.tokendoctor.daemon.DaemonServer;
import dev.tokendoctor.daemon.Request;
import dev.tokendoctor.daemon.Status;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import dev.tokendoctor.scenario.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tokendoctor daemon status|stop}: the background process that answers {@code diagnose} and {@code rules}
 * quickly (see {@link Launch}). {@code serve} is what the launcher starts; people do not need it.
 */
@Command(name = "daemon", mixinStandardHelpOptions = true,
    description = "Show or stop the background process that makes diagnose and rules answer fast (TOKENDOCTOR_DAEMON=off: never start it).",
    subcommands = {DaemonCommand.StatusCommand.class, DaemonCommand.StopCommand.class, DaemonCommand.Serve.class})
final class DaemonCommand implements Runnable {
  /** Minutes without a command before a daemon stops, unless {@code TOKENDOCTOR_DAEMON_IDLE} says otherwise. */
  static final int DEFAULT_IDLE_MINUTES = 10;
  /** How many diagnoses a daemon runs before it listens (about a second on a warm-up's JVM). */
  static final int WARM_UP_DIAGNOSES = 300;

  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: status or stop");
  }

  @Command(name = "status", mixinStandardHelpOptions = true, description = "Show this user's running daemons.")
  static final class StatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    StatusCommand(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      DaemonAddress current = DaemonAddress.forRunningTool(ctx.env());
      int running = 0;
      for (DaemonAddress a : DaemonAddress.all(ctx.env())) {
        Optional<Status> s = DaemonClient.status(a);
        if (s.isEmpty()) {
          if (DaemonServer.locked(a)) {
            running++;
            long pid = DaemonServer.lockHolder(a);
            ctx.out().println((current != null && current.equals(a) ? "this build's" : "another build's") + " daemon ("
                + (pid > 0 ? "pid " + pid : "pid unknown") + ") holds its lock but does not answer: it is warming up, or"
                + " stuck ('tokendoctor daemon stop' ends it)");
          }
          continue;
        }
        running++;
        Status st = s.get();
        long up = Duration.between(st.started(), Instant.now()).toMinutes();
        ctx.out().println("daemon running: pid " + st.pid() + (current != null && current.equals(a) ? ", this build" : ", another build")
            + ", up " + up + " min, " + st.served() + " command" + (st.served() == 1 ? "" : "s") + " served, stops after "
            + st.idleTimeout().toMinutes() + " min idle (" + st.tool() + ")");
      }
      if (running == 0) {
        ctx.out().println("no daemon is running" + (Launch.enabled(ctx.env()) ? "" : " (TOKENDOCTOR_DAEMON is off)"));
      }
      ctx.out().flush();
      return ExitCodes.OK;
    }
  }

  @Command(name = "stop", mixinStandardHelpOptions = true, description = "Stop this user's daemons (the next diagnose starts one again).")
  static final class StopCommand implements Callable<Integer> {
    private final CliContext ctx;

    StopCommand(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() {
      int stopped = 0;
      for (DaemonAddress a : DaemonAddress.all(ctx.env())) {
        if (DaemonClient.stop(a) || DaemonServer.locked(a) && terminate(a)) {
          stopped++;
        }
      }
      ctx.out().println(stopped == 0 ? "no daemon was running" : "stopped " + stopped + " daemon" + (stopped == 1 ? "" : "s"));
      ctx.out().flush();
      return ExitCodes.OK;
    }
  }

  /**
   * Ends the daemon that holds {@code a}'s lock without answering (warming up, or stuck): SIGTERM, then SIGKILL
   * after 10 s. Only a process whose command line is that daemon's ({@code daemon serve ... --key KEY}): the pid
   * in the lock file may have been reused.
   */
  static boolean terminate(DaemonAddress a) {
    long pid = DaemonServer.lockHolder(a);
    Optional<ProcessHandle> h = pid > 0 ? ProcessHandle.of(pid) : Optional.empty();
    if (h.isEmpty() || !isDaemon(h.get(), a)) {
      return false;
    }
    h.get().destroy();
    try {
      h.get().onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
    } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
      h.get().destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  private static boolean isDaemon(ProcessHandle h, DaemonAddress a) {
    List<String> args = List.of(h.info().arguments().orElse(new String[0]));
    int serve = args.indexOf("serve");
    int key = args.indexOf("--key");
    return serve > 0 && "daemon".equals(args.get(serve - 1)) && key > 0 && key + 1 < args.size()
        && a.key().equals(args.get(key + 1)) && h.isAlive();
  }

  /** The daemon itself, in the foreground; its standard output is its log. */
  @Command(name = "serve", hidden = true, description = "Run a daemon in the foreground (the launcher starts it).")
  static final class Serve implements Callable<Integer> {
    private final CliContext ctx;
    @Option(names = "--dir", required = true, paramLabel = "DIR") Path dir;
    @Option(names = "--key", required = true, paramLabel = "KEY") String key;
    @Option(names = "--idle-seconds", paramLabel = "N", description = "Stop after N seconds without a command (default: TOKENDOCTOR_DAEMON_IDLE minutes, else 10 min).")
    Long idleSeconds;
    @Option(names = "--no-warm-up", description = "Listen at once, cold (the client's start-up training run).")
    boolean noWarmUp;

    Serve(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws IOException, UsageException {
      DaemonAddress address = DaemonAddress.of(ctx.resolve(dir.toString()), key);
      if (address == null) {
        throw new UsageException(dir + ": the socket path would be too long for this system");
      }
      Duration idle = idleSeconds != null ? Duration.ofSeconds(idleSeconds) : idleTimeout(ctx.env());
      KnowledgeBaseMemo memo = new KnowledgeBaseMemo(4);
      DaemonHandler handler = new DaemonHandler(memo);
      Path jar = DaemonAddress.runningJar();
      String stamp = stamp(jar);
      DaemonServer server = new DaemonServer(address, idle, handler, () -> stamp.equals(stamp(jar)), this::log);
      if (!server.lock()) {
        log("another daemon holds " + address.lock() + "; not starting");
        return ExitCodes.OK;
      }
      long t0 = System.nanoTime();
      if (!noWarmUp) {
        warmUp(handler);
        // The warm-up's garbage (a compile, every scenario) is most of the heap: give it back before idling.
        System.gc();
        awaitQuietCompiler();
      }
      server.bind();
      // Killed (SIGTERM, logout): the next client then finds no socket rather than a dead one.
      Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop("terminated"), "tokendoctor-daemon-exit"));
      log("pid " + ProcessHandle.current().pid() + " ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms on "
          + address.socket() + "; stops after " + idle.toMinutes() + " min idle");
      log("stopped: " + server.serve());
      return ExitCodes.OK;
    }

    /**
     * Runs what people run before taking the first command, so that it is answered by a warm JIT and a knowledge
     * base whose constraints have been evaluated: a compile (the first run after a rule edit), every scenario
     * against the built-in rules, and a sample in each format.
     */
    private void warmUp(DaemonHandler handler) {
      Map<String, String> env = new HashMap<>(Request.forwardedPart(ctx.env()));
      env.remove("TOKENDOCTOR_RULES");
      String home = ctx.home().toString();
      byte[] sample;
      try {
        sample = Samples.shipped().read("session-token-missing.json");
      } catch (IOException e) {
        sample = "{\"schemaVersion\": 1}".getBytes(StandardCharsets.UTF_8);
      }
      List<List<String>> once = List.of(List.of("rules", "check"), List.of("rules", "test"));
      for (List<String> args : once) {
        handler.run(new Request(args, env, home, home, false, "UTF-8", new byte[0]));
      }
      // Enough diagnoses for the JIT to compile their path: the first few dozen runs in a new JVM are slow.
      List<List<String>> repeated = List.of(
          List.of("diagnose", "-", "--format", "text"),
          List.of("diagnose", "-", "--format", "json"),
          List.of("diagnose", "-", "--format", "markdown", "--verbose"));
      for (int i = 0; i < WARM_UP_DIAGNOSES; i++) {
        List<String> args = repeated.get(i % repeated.size());
        handler.run(new Request(args, env, home, home, false, "UTF-8", sample));
      }
    }

    /**
     * Waits (at most a few seconds) until the JIT has compiled what the warm-up made hot: on two cores its
     * compiler threads would otherwise slow the first commands the daemon answers, and the client beside them.
     */
    private static void awaitQuietCompiler() {
      var jit = java.lang.management.ManagementFactory.getCompilationMXBean();
      if (jit == null || !jit.isCompilationTimeMonitoringSupported()) {
        return;
      }
      long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
      long before = jit.getTotalCompilationTime();
      while (System.nanoTime() < deadline) {
        try {
          Thread.sleep(200);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
        long now = jit.getTotalCompilationTime();
        if (now == before) {
          return;
        }
        before = now;
      }
    }

    private void log(String line) {
      ctx.out().println(Instant.now().truncatedTo(ChronoUnit.SECONDS) + " tokendoctor daemon: " + line);
      ctx.out().flush();
    }

    /** The jar's stamp ({@link DaemonAddress#jarStamp}), or "gone" when it cannot be read. */
    private static String stamp(Path jar) {
      try {
        return jar == null ? "" : DaemonAddress.jarStamp(jar);
      } catch (IOException e) {
        return "gone";
      }
    }
  }

  /** {@code TOKENDOCTOR_DAEMON_IDLE} in minutes (1 to 1440), else {@link #DEFAULT_IDLE_MINUTES}. */
  static Duration idleTimeout(Map<String, String> env) {
    try {
      int m = Integer.parseInt(env.getOrDefault("TOKENDOCTOR_DAEMON_IDLE", "").trim());
      if (m >= 1 && m <= 1440) {
        return Duration.ofMinutes(m);
      }
    } catch (NumberFormatException e) {
      // the default
    }
    return Duration.ofMinutes(DEFAULT_IDLE_MINUTES);
  }
}
