package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon as people get it: the launcher's entry point run from the jar in a process of its own runs the first
 * command itself and starts a daemon in the background, which answers the next ones the same way, holds none
 * of the shell's credentials, and stops when told.
 */
class DaemonIT {
  static final Path JAR = Path.of("target/tokendoctor.jar").toAbsolutePath();
  static final String SAMPLE = Path.of("facts-samples/session-token-missing.json").toAbsolutePath().toString();

  @TempDir Path tmp;
  private final List<Long> daemons = new ArrayList<>();

  record Proc(int exit, String out, String err) {}

  private Map<String, String> env() throws IOException {
    Path runtime = tmp.resolve("run");
    if (!Files.isDirectory(runtime)) {
      Files.createDirectory(runtime, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    Map<String, String> env = new HashMap<>();
    env.put("HOME", tmp.toString());
    env.put("XDG_RUNTIME_DIR", runtime.toString());
    env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    return env;
  }

  /** The launcher's entry point run from the jar, as the launcher runs it but without the script. */
  static final List<String> LAUNCH = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
      JAR.toString(), Launch.class.getName());

  private Proc launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
    return script(env, LAUNCH, args);
  }

  @AfterEach
  void killLeftovers() {
    daemons.forEach(pid -> ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly));
  }

  @Test
  void theFirstRunStartsADaemonThatAnswersTheNextRunsTheSameWayAndStopsWhenTold() throws Exception {
    Map<String, String> env = env();
    Proc first = launch(env, "diagnose", SAMPLE, "--format", "json");
    assertThat(first.exit()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(first.out()).contains("SESSION_TOKEN_MISSING");

    long pid = awaitDaemon(env);
    daemons.add(pid);
    Proc second = launch(env, "diagnose", SAMPLE, "--format", "json");
    assertThat(second).isEqualTo(first);
    Files.copy(Path.of(SAMPLE), tmp.resolve("here.json"));
    Proc relative = launch(env, "diagnose", "here.json", "--format", "json");
    assertThat(relative).isEqualTo(first);
    assertThat(launch(env, "daemon", "status").out()).contains("pid " + pid + ", this build", "2 commands served");

    String daemonEnv = Files.readString(Path.of("/proc/" + pid + "/environ"), StandardCharsets.UTF_8);
    assertThat(daemonEnv).doesNotContain("AWS_SECRET_ACCESS_KEY", "AWS_ACCESS_KEY_ID", "EXAMPLE");

    Map<String, String> off = new HashMap<>(env);
    off.put("TOKENDOCTOR_DAEMON", "off");
    assertThat(launch(off, "diagnose", SAMPLE, "--format", "json")).isEqualTo(first);
    assertThat(launch(env, "daemon", "status").out()).contains("2 commands served");

    // The shell's descriptors (process substitution, /dev/stdin) are read by the client and answered by the daemon.
    String launch = String.join(" ", LAUNCH.stream().map(a -> "'" + a + "'").toList());
    assertThat(script(env, List.of("bash", "-c", launch + " diagnose <(cat '" + SAMPLE + "') --format json"))).isEqualTo(first);
    assertThat(script(env, List.of("bash", "-c", launch + " diagnose /dev/stdin --format json < '" + SAMPLE + "'"))).isEqualTo(first);
    assertThat(launch(env, "daemon", "status").out()).contains("4 commands served");

    assertThat(launch(env, "daemon", "stop").out()).contains("stopped 1 daemon");
    ProcessHandle.of(pid).ifPresent(h -> h.onExit().orTimeout(20, TimeUnit.SECONDS).join());
    assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    assertThat(launch(env, "daemon", "status").out()).contains("no daemon is running");
  }

  @Test
  void theLauncherStartsTheClientFromTheSmallArchiveOnceItsDaemonListens() throws Exception {
    Map<String, String> env = env();
    List<String> script = List.of("bash", "-x", Path.of("tokendoctor").toAbsolutePath().toString());
    Proc first = script(env, script, "diagnose", SAMPLE, "--format", "json");
    assertThat(first.exit()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(LauncherTrace.execLine(first.err())).contains("-Dtokendoctor.daemon.key=").doesNotContain("-client.jsa");
    long pid = awaitDaemon(env, script);
    daemons.add(pid);
    Proc second = script(env, script, "diagnose", SAMPLE, "--format", "json");
    assertThat(second.out()).isEqualTo(first.out());
    assertThat(second.exit()).isEqualTo(first.exit());
    // The key the launcher computed names the socket the Java side listens on, so the small archive is used.
    assertThat(LauncherTrace.execLine(second.err())).contains("-XX:SharedArchiveFile=" + JAR.getParent().resolve("tokendoctor-client.jsa"));
    assertThat(script(env, script, "daemon", "status").out()).contains("pid " + pid + ", this build", "1 command served");
    assertThat(script(env, script, "daemon", "stop").out()).contains("stopped 1 daemon");
  }

  @Test
  void theClientTrainingRunTalksToADaemonOfItsOwnAndLeavesNoneBehind() throws Exception {
    Path archive = tmp.resolve("client.jsa");
    List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:ArchiveClassesAtExit=" + archive, "-cp", JAR.toString(), "dev.tokendoctor.startup.ClientTrainingRun", SAMPLE);
    Proc p = script(env(), cmd);
    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(Files.size(archive)).isPositive();
    assertThat(ProcessHandle.allProcesses().map(h -> h.info().commandLine().orElse(""))
        .filter(c -> c.contains(JAR.toString()) && c.contains("--key training") && c.contains("--no-warm-up"))).isEmpty();
  }

  @Test
  void statusAndStopFindADaemonThatHoldsItsLockButDoesNotAnswer() throws Exception {
    Map<String, String> env = env();
    Path dir = tmp.resolve("run/tokendoctor");
    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    List<String> serve = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        JAR.toString(), Main.class.getName(), "daemon", "serve", "--dir", dir.toString(), "--key", "stuck", "--no-warm-up"));
    ProcessBuilder pb = new ProcessBuilder(serve).redirectErrorStream(true).redirectOutput(tmp.resolve("stuck.log").toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process daemon = pb.start();
    daemons.add(daemon.pid());
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (!Files.exists(dir.resolve("stuck.sock")) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(dir.resolve("stuck.sock")).exists();
    // Frozen: it holds its lock and its socket, and answers nothing.
    assertThat(new ProcessBuilder("kill", "-STOP", Long.toString(daemon.pid())).start().waitFor()).isZero();

    assertThat(launch(env, "daemon", "status").out())
        .contains("another build's daemon (pid " + daemon.pid() + ") holds its lock but does not answer");
    assertThat(launch(env, "daemon", "stop").out()).contains("stopped 1 daemon");
    assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(launch(env, "daemon", "status").out()).contains("no daemon is running");
  }

  private Proc script(Map<String, String> env, List<String> command, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(command);
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().clear();
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the command finished").isTrue();
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  /** Polls {@code daemon status} until the started daemon listens (it warms up for some seconds first). */
  private long awaitDaemon(Map<String, String> env) throws Exception {
    return awaitDaemon(env, LAUNCH);
  }

  private long awaitDaemon(Map<String, String> env, List<String> command) throws Exception {
    Pattern pid = Pattern.compile("pid (\\d+), this build");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
    while (System.nanoTime() < deadline) {
      Matcher m = pid.matcher(script(env, command, "daemon", "status").out());
      if (m.find()) {
        return Long.parseLong(m.group(1));
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no daemon started within 90 s; its log: "
        + Files.list(tmp.resolve("run/tokendoctor")).filter(p -> p.toString().endsWith(".log")).map(p -> {
          try {
            return Files.readString(p);
          } catch (IOException e) {
            return e.toString();
          }
        }).toList());
  }
}
