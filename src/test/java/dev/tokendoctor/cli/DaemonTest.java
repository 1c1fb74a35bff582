package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.TestTrees;
import dev.tokendoctor.daemon.DaemonAddress;
import dev.tokendoctor.daemon.DaemonClient;
import dev.tokendoctor.daemon.DaemonServer;
import dev.tokendoctor.daemon.Reply;
import dev.tokendoctor.daemon.Request;
import dev.tokendoctor.daemon.Status;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The daemon over a real Unix domain socket in a temporary folder, with the handler the real one uses: what it
 * answers is byte for byte what the command gives run in the client's own process, whatever the client's
 * working folder, standard input or rules folder; it never sees a credential; it stops when it should.
 */
class DaemonTest {
  static final Path SAMPLES = Path.of("facts-samples").toAbsolutePath();
  static final Path SAMPLE = SAMPLES.resolve("session-token-missing.json");

  @TempDir Path tmp;
  private final List<Running> started = new ArrayList<>();

  record Running(DaemonServer server, Thread thread, AtomicReference<String> why) {}

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Running r : started) {
      r.server().stop("test over");
      r.thread().join(10_000);
    }
  }

  private DaemonAddress address() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("d"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    return DaemonAddress.of(dir, "test");
  }

  private Running start(DaemonAddress a, DaemonServer.Handler handler, Duration idle, AtomicBoolean current)
      throws IOException {
    return start(a, handler, idle, current, DaemonServer.REQUEST_DEADLINE);
  }

  private Running start(DaemonAddress a, DaemonServer.Handler handler, Duration idle, AtomicBoolean current,
      Duration requestDeadline) throws IOException {
    DaemonServer s = new DaemonServer(a, idle, handler, current::get, line -> { }, requestDeadline);
    assertThat(s.lock()).isTrue();
    s.bind();
    AtomicReference<String> why = new AtomicReference<>();
    Thread t = new Thread(() -> why.set(s.serve()), "daemon-under-test");
    t.start();
    Running r = new Running(s, t, why);
    started.add(r);
    return r;
  }

  private Running start(DaemonAddress a) throws IOException {
    return start(a, new DaemonHandler(new KnowledgeBaseMemo(4)), Duration.ofMinutes(5), new AtomicBoolean(true));
  }

  /** The command run in this process, as {@link Launch} runs it when no daemon answers. */
  private static Reply inProcess(Path workingDir, Map<String, String> env, byte[] stdin, String... args) {
    CliRun r = CliRun.in(workingDir, workingDir, env, stdin, args);
    return new Reply(r.out().getBytes(StandardCharsets.UTF_8), r.err().getBytes(StandardCharsets.UTF_8), r.exitCode());
  }

  private static Reply viaDaemon(DaemonAddress a, Path workingDir, Map<String, String> env, byte[] stdin,
      String... args) {
    Request r = new Request(List.of(args), Request.forwardedPart(env), workingDir.toString(), workingDir.toString(),
        false, "UTF-8", stdin);
    return DaemonClient.run(a, r).orElseThrow(() -> new AssertionError("the daemon did not answer " + List.of(args)));
  }

  private static void assertSame(Reply daemon, Reply here) {
    assertThat(daemon.exitCode()).isEqualTo(here.exitCode());
    assertThat(new String(daemon.stdout(), StandardCharsets.UTF_8)).isEqualTo(new String(here.stdout(), StandardCharsets.UTF_8));
    assertThat(new String(daemon.stderr(), StandardCharsets.UTF_8)).isEqualTo(new String(here.stderr(), StandardCharsets.UTF_8));
  }

  private Map<String, String> env() {
    return Map.of("HOME", tmp.toString(), "XDG_CACHE_HOME", tmp.resolve("cache").toString());
  }

  @Test
  void answersEverySampleInEveryFormatExactlyAsTheCommandRunHere() throws Exception {
    DaemonAddress a = address();
    start(a);
    List<Path> samples;
    try (Stream<Path> s = Files.list(SAMPLES)) {
      samples = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(samples).hasSizeGreaterThan(40);
    for (Path sample : samples) {
      for (String format : List.of("text", "json", "markdown")) {
        String[] args = {"diagnose", sample.toString(), "--format", format, "--verbose"};
        Reply here = inProcess(tmp, env(), new byte[0], args);
        assertSame(viaDaemon(a, tmp, env(), new byte[0], args), here);
      }
    }
  }

  @Test
  void answersTheRulesCommandsAsTheyRunHere() throws Exception {
    DaemonAddress a = address();
    start(a);
    Path rules = tmp.resolve("work/rules");
    TestTrees.copy(Path.of("rules"), rules);
    TestTrees.copy(SAMPLES, tmp.resolve("work/facts-samples"));
    Path work = tmp.resolve("work");
    for (String[] args : List.of(new String[] {"rules", "check", "--rules", "rules"},
        new String[] {"rules", "test", "--rules", "rules", "--only", "KEY_QUOTED"},
        new String[] {"rules", "list", "--rules", "rules"},
        new String[] {"rules", "test", "--rules", "no-such-folder"})) {
      assertSame(viaDaemon(a, work, env(), new byte[0], args), inProcess(work, env(), new byte[0], args));
    }
  }

  @Test
  void relativePathsStartFromTheClientsWorkingFolderAndStandardInputIsTheClients() throws Exception {
    DaemonAddress a = address();
    start(a);
    Path work = Files.createDirectories(tmp.resolve("somewhere/else"));
    Files.copy(SAMPLE, work.resolve("bundle.json"));
    Reply relative = viaDaemon(a, work, env(), new byte[0], "diagnose", "bundle.json", "--format", "text");
    assertThat(relative.exitCode()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(new String(relative.stdout(), StandardCharsets.UTF_8)).contains("SESSION_TOKEN_MISSING");

    byte[] bundle = Files.readAllBytes(SAMPLE);
    Reply piped = viaDaemon(a, tmp, env(), bundle, "diagnose", "-", "--format", "json");
    assertSame(piped, inProcess(tmp, env(), bundle, "diagnose", "-", "--format", "json"));
  }

  @Test
  void badInputGetsTheSameOneLineErrorAndExitCode() throws Exception {
    DaemonAddress a = address();
    start(a);
    Files.writeString(tmp.resolve("broken.json"), "{\"schemaVersion\": 1, \"env\": [");
    for (String[] args : List.of(new String[] {"diagnose", "missing.json"}, new String[] {"diagnose", "broken.json"},
        new String[] {"diagnose", "--format", "yaml", "x.json"}, new String[] {"diagnose"})) {
      Reply here = inProcess(tmp, env(), new byte[0], args);
      assertThat(here.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
      assertSame(viaDaemon(a, tmp, env(), new byte[0], args), here);
    }
  }

  @Test
  void anEditedRulesFolderIsCompiledAgainAndAnUneditedOneIsNot() throws Exception {
    DaemonAddress a = address();
    KnowledgeBaseMemo memo = new KnowledgeBaseMemo(4);
    start(a, new DaemonHandler(memo), Duration.ofMinutes(5), new AtomicBoolean(true));
    Path rules = tmp.resolve("rules");
    TestTrees.copy(Path.of("rules"), rules);
    String[] args = {"diagnose", SAMPLE.toString(), "--rules", "rules", "--format", "text"};
    String before = new String(viaDaemon(a, tmp, env(), new byte[0], args).stdout(), StandardCharsets.UTF_8);
    assertThat(before).contains("A temporary (ASIA) access key is sent without its session token");
    viaDaemon(a, tmp, env(), new byte[0], args);
    assertThat(memo.size()).as("the same folder twice is one knowledge base").isEqualTo(1);

    Path rule = rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.drl");
    Files.writeString(rule, Files.readString(rule).replace(
        "@title(\"A temporary (ASIA) access key is sent without its session token\")",
        "@title(\"EDITED: the session token is missing\")"));
    Reply after = viaDaemon(a, tmp, env(), new byte[0], args);
    assertThat(new String(after.stdout(), StandardCharsets.UTF_8)).contains("EDITED: the session token is missing");
    assertSame(after, inProcess(tmp, env(), new byte[0], args));
    // another knowledge base (the title changed), kept in place of the older version, which is not asked for again
    assertThat(memo.size()).as("one version per folder").isEqualTo(1);

    // TOKENDOCTOR_RULES relative to the client's working folder, not the daemon's.
    Map<String, String> withVar = new HashMap<>(env());
    withVar.put("TOKENDOCTOR_RULES", "rules");
    Reply viaVar = viaDaemon(a, tmp, withVar, new byte[0], "diagnose", SAMPLE.toString(), "--format", "text");
    assertThat(new String(viaVar.stdout(), StandardCharsets.UTF_8)).contains("EDITED: the session token is missing");
  }

  @Test
  void noCredentialOfTheClientsEnvironmentReachesTheDaemon() throws Exception {
    DaemonAddress a = address();
    AtomicReference<Request> seen = new AtomicReference<>();
    start(a, r -> {
      seen.set(r);
      return new Reply(new byte[0], new byte[0], 0);
    }, Duration.ofMinutes(1), new AtomicBoolean(true));
    Map<String, String> env = new HashMap<>(env());
    env.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    env.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    env.put("AWS_SESSION_TOKEN", "FwoGZXIvYXdzEXAMPLETOKEN");
    env.put("AWS_PROFILE", "prod");
    env.put("TOKENDOCTOR_RULES", "/some/rules");
    env.put("LC_ALL", "C.UTF-8");
    viaDaemon(a, tmp, env, new byte[0], "diagnose", "x.json");
    assertThat(seen.get().env()).containsOnlyKeys("HOME", "XDG_CACHE_HOME", "TOKENDOCTOR_RULES", "LC_ALL");
    assertThat(seen.get().env().values()).noneMatch(v -> v.contains("EXAMPLE"));
  }

  @Test
  void runsOnlyTheCommandsThatReadNothingButFiles() {
    assertThat(DaemonHandler.serves("diagnose", "x.json")).isTrue();
    assertThat(DaemonHandler.serves("rules", "test")).isTrue();
    assertThat(DaemonHandler.serves("doctor")).isFalse();
    assertThat(DaemonHandler.serves("collect")).isFalse();
    assertThat(DaemonHandler.serves("batch", "t.jsonl", "--out", "o")).isFalse();
    assertThat(DaemonHandler.serves("diagnose", "--help")).isFalse();
    assertThat(DaemonHandler.serves()).isFalse();
    Reply refused = new DaemonHandler(KnowledgeBaseMemo.NONE).run(
        new Request(List.of("doctor"), Map.of(), tmp.toString(), tmp.toString(), false, "UTF-8", new byte[0]));
    assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(Launch.enabled(Map.of())).isTrue();
    assertThat(Launch.enabled(Map.of("TOKENDOCTOR_DAEMON", "off"))).isFalse();
    assertThat(Launch.enabled(Map.of("TOKENDOCTOR_DAEMON", "0"))).isFalse();
    assertThat(Launch.enabled(Map.of("TOKENDOCTOR_DAEMON", "on"))).isTrue();
  }

  @Test
  void concurrentClientsEachGetTheirOwnAnswer() throws Exception {
    DaemonAddress a = address();
    start(a);
    List<String> names = List.of("session-token-missing.json", "clock-skew.json", "healthy-sso.json", "key-quoted.json");
    Map<String, Reply> expected = new HashMap<>();
    for (String n : names) {
      expected.put(n, inProcess(tmp, env(), new byte[0], "diagnose", SAMPLES.resolve(n).toString(), "--format", "json"));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> runs = new ArrayList<>();
      for (int i = 0; i < 24; i++) {
        String n = names.get(i % names.size());
        runs.add(pool.submit(() -> assertSame(
            viaDaemon(a, tmp, env(), new byte[0], "diagnose", SAMPLES.resolve(n).toString(), "--format", "json"),
            expected.get(n))));
      }
      for (Future<?> f : runs) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
    Status s = DaemonClient.status(a).orElseThrow();
    assertThat(s.served()).isEqualTo(24);
    assertThat(s.pid()).isEqualTo(ProcessHandle.current().pid());
  }

  @Test
  void withNoDaemonTheClientGetsNothingAndRunsTheCommandItself() throws Exception {
    DaemonAddress a = address();
    assertThat(DaemonClient.run(a, new Request(List.of("diagnose", "x"), Map.of(), "/", "/", false, "UTF-8",
        new byte[0]))).isEmpty();
    assertThat(DaemonClient.status(a)).isEmpty();
    assertThat(DaemonClient.stop(a)).isFalse();
  }

  @Test
  void aSocketLeftByADeadDaemonIsRefusedThenReplaced() throws Exception {
    DaemonAddress a = address();
    // A socket file nobody listens on, as a killed daemon leaves it.
    ServerSocketChannel dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
    dead.bind(UnixDomainSocketAddress.of(a.socket()));
    dead.close();
    assertThat(a.socket()).exists();
    assertThat(DaemonClient.status(a)).isEmpty();
    start(a);
    assertThat(DaemonClient.status(a)).isPresent();
  }

  @Test
  void oneDaemonPerAddress() throws Exception {
    DaemonAddress a = address();
    assertThat(DaemonServer.locked(a)).isFalse();
    start(a);
    assertThat(DaemonServer.locked(a)).isTrue();
    DaemonServer second = new DaemonServer(a, Duration.ofMinutes(1), r -> null, () -> true, line -> { });
    assertThat(second.lock()).isFalse();
  }

  @Test
  void stopsWhenAskedWhenIdleAndWhenTheToolChanges() throws Exception {
    DaemonAddress asked = DaemonAddress.of(Files.createDirectories(tmp.resolve("a")), "asked");
    Running r1 = start(asked);
    assertThat(DaemonClient.stop(asked)).isTrue();
    r1.thread().join(10_000);
    assertThat(r1.why().get()).isEqualTo("asked to stop");
    assertThat(asked.socket()).doesNotExist();
    assertThat(DaemonServer.locked(asked)).isFalse();

    DaemonAddress idle = DaemonAddress.of(Files.createDirectories(tmp.resolve("i")), "idle");
    Running r2 = start(idle, new DaemonHandler(KnowledgeBaseMemo.NONE), Duration.ofMillis(300), new AtomicBoolean(true));
    r2.thread().join(10_000);
    assertThat(r2.why().get()).startsWith("idle");
    assertThat(idle.socket()).doesNotExist();

    DaemonAddress changed = DaemonAddress.of(Files.createDirectories(tmp.resolve("c")), "changed");
    AtomicBoolean current = new AtomicBoolean(true);
    Running r3 = start(changed, new DaemonHandler(KnowledgeBaseMemo.NONE), Duration.ofSeconds(2), current);
    assertThat(DaemonClient.status(changed)).isPresent();
    current.set(false);
    r3.thread().join(10_000);
    assertThat(r3.why().get()).isEqualTo("the tool changed on disk");
  }

  @Test
  void theSocketFolderIsPrivateAndTheSocketPathFits() throws Exception {
    Path open = Files.createDirectories(tmp.resolve("cache/tokendoctor/daemon"));
    Files.setPosixFilePermissions(open, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path dir = DaemonAddress.folder(Map.of("XDG_CACHE_HOME", tmp.resolve("cache").toString()));
    assertThat(dir).isEqualTo(open);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");

    Path runtime = Files.createDirectories(tmp.resolve("run"));
    assertThat(DaemonAddress.folder(Map.of("XDG_RUNTIME_DIR", runtime.toString(), "HOME", tmp.toString())))
        .isEqualTo(runtime.resolve("tokendoctor"));
    assertThat(DaemonAddress.folder(Map.of("HOME", tmp.toString())))
        .isEqualTo(tmp.resolve(".cache/tokendoctor/daemon"));
    assertThat(DaemonAddress.folder(Map.of("HOME", "relative"))).isNull();

    // A symbolic link where the folder should be may point anywhere: no daemon then.
    Files.createDirectories(tmp.resolve("evil/tokendoctor"));
    Files.createSymbolicLink(tmp.resolve("evil/tokendoctor/daemon"), open);
    assertThat(DaemonAddress.folder(Map.of("XDG_CACHE_HOME", tmp.resolve("evil").toString()))).isNull();

    assertThat(DaemonAddress.of(tmp.resolve("x".repeat(120)), "k")).isNull();
  }

  @Test
  void idleTimeoutComesFromTheEnvironmentWithinBounds() {
    assertThat(DaemonCommand.idleTimeout(Map.of())).isEqualTo(Duration.ofMinutes(10));
    assertThat(DaemonCommand.idleTimeout(Map.of("TOKENDOCTOR_DAEMON_IDLE", "30"))).isEqualTo(Duration.ofMinutes(30));
    assertThat(DaemonCommand.idleTimeout(Map.of("TOKENDOCTOR_DAEMON_IDLE", "0"))).isEqualTo(Duration.ofMinutes(10));
    assertThat(DaemonCommand.idleTimeout(Map.of("TOKENDOCTOR_DAEMON_IDLE", "soon"))).isEqualTo(Duration.ofMinutes(10));
  }


  // ---- hangs and shared state (issue 15 points 10, 13, 14)

  private Running startWithDeadline(DaemonAddress a, DaemonServer.Handler handler, Duration deadline) throws IOException {
    return start(a, handler, Duration.ofMinutes(5), new AtomicBoolean(true), deadline);
  }

  private static java.nio.channels.SocketChannel connect(DaemonAddress a) throws IOException {
    java.nio.channels.SocketChannel ch = java.nio.channels.SocketChannel.open(StandardProtocolFamily.UNIX);
    ch.connect(UnixDomainSocketAddress.of(a.socket()));
    return ch;
  }

  @Test
  void connectionsThatSendNothingOrHalfARequestAreClosedAndBlockNoOne() throws Exception {
    DaemonAddress a = address();
    startWithDeadline(a, new DaemonHandler(new KnowledgeBaseMemo(4)), Duration.ofSeconds(1));
    List<java.nio.channels.SocketChannel> idle = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      idle.add(connect(a));
    }
    java.nio.channels.SocketChannel half = connect(a);
    // The magic number, RUN, and a request that says it has three arguments, then nothing.
    half.write(java.nio.ByteBuffer.wrap(new byte[] {0x54, 0x44, 0x44, 0x32, 1, 0, 0, 0, 3}));
    idle.add(half);

    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Reply> answer = pool.submit(() -> viaDaemon(a, tmp, env(), new byte[0], "diagnose", SAMPLE.toString(), "--format", "json"));
      assertThat(answer.get(60, java.util.concurrent.TimeUnit.SECONDS).exitCode()).isEqualTo(ExitCodes.PROBLEM);
      assertThat(DaemonClient.status(a)).isPresent();
    } finally {
      pool.shutdownNow();
    }
    for (java.nio.channels.SocketChannel ch : idle) {
      // The server closed it: the read ends (-1) instead of waiting for an answer that never comes.
      ch.configureBlocking(true);
      java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
      assertThat(ch.read(one)).isEqualTo(-1);
      ch.close();
    }
  }

  @Test
  void statusAndStopAreAnsweredWhileEveryRunSlotIsBusy() throws Exception {
    DaemonAddress a = address();
    java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.atomic.AtomicInteger running = new java.util.concurrent.atomic.AtomicInteger();
    Running r = startWithDeadline(a, req -> {
      running.incrementAndGet();
      try {
        release.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return new Reply(new byte[0], new byte[0], 0);
    }, Duration.ofSeconds(10));
    int slots = Math.max(2, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(slots + 2);
    try {
      List<Future<Reply>> busy = new ArrayList<>();
      for (int i = 0; i < slots + 2; i++) {
        busy.add(pool.submit(() -> viaDaemon(a, tmp, env(), new byte[0], "diagnose", "x.json")));
      }
      while (running.get() < slots) {
        Thread.sleep(20);
      }
      assertThat(DaemonClient.status(a)).as("status while every slot runs a command").isPresent();
      assertThat(DaemonClient.stop(a)).as("stop while every slot runs a command").isTrue();
      release.countDown();
      for (Future<Reply> f : busy) {
        f.get(60, java.util.concurrent.TimeUnit.SECONDS);
      }
    } finally {
      release.countDown();
      pool.shutdownNow();
    }
    r.thread().join(30_000);
    assertThat(r.why().get()).isEqualTo("asked to stop");
  }

  @Test
  void aFifoOrADeviceIsRefusedInOneLineHereAndThroughTheDaemon() throws Exception {
    DaemonAddress a = address();
    start(a);
    Path fifo = tmp.resolve("bundle.json");
    assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor()).isZero();
    for (String[] args : List.of(new String[] {"diagnose", "bundle.json"}, new String[] {"diagnose", "/dev/zero"},
        new String[] {"diagnose", "/dev/null"})) {
      Reply here = inProcess(tmp, env(), new byte[0], args);
      assertThat(here.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
      assertThat(new String(here.stderr(), StandardCharsets.UTF_8)).contains(args[1] + ": a ", "not a bundle file")
          .hasLineCount(1);
      assertSame(viaDaemon(a, tmp, env(), new byte[0], args), here);
    }
  }

  @Test
  void aDescriptorOfTheClientIsReadByTheClientAndSentWithTheRequest() throws Exception {
    DaemonAddress a = address();
    start(a);
    byte[] bundle = Files.readAllBytes(SAMPLE);
    Request sent = new Request(List.of("diagnose", "/dev/fd/63", "--format", "json"), Request.forwardedPart(env()),
        tmp.toString(), tmp.toString(), false, "UTF-8", bundle, "/dev/fd/63");
    Reply viaDescriptor = DaemonClient.run(a, sent).orElseThrow();
    assertSame(viaDescriptor, inProcess(tmp, env(), bundle, "diagnose", "-", "--format", "json"));

    Request broken = new Request(List.of("diagnose", "/dev/stdin"), Request.forwardedPart(env()), tmp.toString(),
        tmp.toString(), false, "UTF-8", "{\"schemaVersion\": 1.5}".getBytes(StandardCharsets.UTF_8), "/dev/stdin");
    assertThat(new String(DaemonClient.run(a, broken).orElseThrow().stderr(), StandardCharsets.UTF_8))
        .isEqualTo("tokendoctor: error: /dev/stdin: $.schemaVersion: expected a whole number, got a decimal number\n");

    // A descriptor the request does not carry would be the daemon's own: refused, never opened.
    Reply own = viaDaemon(a, tmp, env(), new byte[0], "diagnose", "/dev/fd/3");
    assertThat(own.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(new String(own.stderr(), StandardCharsets.UTF_8)).contains("/dev/fd/3: the daemon cannot read");
  }

  @Test
  void theDaemonRefusesMoreInputThanTheLargestBundleBeforeReadingIt() throws Exception {
    DaemonAddress a = address();
    AtomicBoolean ran = new AtomicBoolean();
    start(a, r -> {
      ran.set(true);
      return new Reply(new byte[0], new byte[0], 0);
    }, Duration.ofMinutes(1), new AtomicBoolean(true));
    byte[] tooLarge = new byte[Request.MAX_STDIN + 1];
    assertThat(viaDaemonOrEmpty(a, tooLarge)).isEmpty();
    assertThat(ran).as("a request with more input than a bundle may have is never run").isFalse();
    assertThat(viaDaemonOrEmpty(a, new byte[Request.MAX_STDIN])).isPresent();
  }

  private java.util.Optional<Reply> viaDaemonOrEmpty(DaemonAddress a, byte[] stdin) {
    return DaemonClient.run(a, new Request(List.of("diagnose", "-"), Map.of(), tmp.toString(), tmp.toString(), false,
        "UTF-8", stdin));
  }

  @Test
  void theClientSendsAtMostTheLargestBundle() {
    assertThat(Request.MAX_STDIN).isEqualTo(dev.tokendoctor.bundle.BundleLimits.DEFAULT.maxBytes());
    assertThat(Launch.inputsOnlyHere(List.of("diagnose", "/dev/fd/63", "--format", "json"), tmp)).containsExactly("/dev/fd/63");
    assertThat(Launch.inputsOnlyHere(List.of("diagnose", "-"), tmp)).containsExactly("-");
    assertThat(Launch.inputsOnlyHere(List.of("diagnose", "/dev/stdin", "--rules", "/proc/self/fd/5"), tmp)).hasSize(2);
    assertThat(Launch.inputsOnlyHere(List.of("diagnose", "bundle.json"), tmp)).isEmpty();
  }

  @Test
  void aRuleThatChangesTheDaemonsProcessStopsTheDaemonAfterAnswering() throws Exception {
    DaemonAddress a = address();
    Running r = start(a);
    Path rules = tmp.resolve("rules");
    TestTrees.copy(Path.of("rules"), rules);
    Path rule = rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.drl");
    Files.writeString(rule, Files.readString(rule).replaceFirst("\nthen\n", "\nthen\n    System.setProperty(\"user.name\", \"nobody\");\n"));
    String user = System.getProperty("user.name");
    try {
      Reply evil = viaDaemon(a, tmp, env(), new byte[0], "diagnose", SAMPLE.toString(), "--rules", "rules", "--format", "text");
      assertThat(evil.exitCode()).isEqualTo(ExitCodes.PROBLEM);
      r.thread().join(30_000);
      assertThat(r.why().get()).isEqualTo("a command changed the daemon (the system property user.name was changed)");
      assertThat(DaemonServer.locked(a)).as("the lock is free for the next daemon").isFalse();
    } finally {
      System.setProperty("user.name", user);
    }
  }

  @Test
  void statusNamesADaemonThatHoldsItsLockWithoutAnswering() throws Exception {
    Path runtime = Files.createDirectories(tmp.resolve("run"));
    Map<String, String> env = Map.of("HOME", tmp.toString(), "XDG_RUNTIME_DIR", runtime.toString());
    Path dir = DaemonAddress.folder(env);
    DaemonAddress a = DaemonAddress.of(dir, "warming");
    DaemonServer s = new DaemonServer(a, Duration.ofMinutes(1), r -> null, () -> true, line -> { });
    assertThat(s.lock()).isTrue();
    try {
      CliRun status = CliRun.in(tmp, tmp, env, new byte[0], "daemon", "status");
      assertThat(status.out()).contains("another build's daemon (pid " + ProcessHandle.current().pid() + ") holds its lock but does not answer");
      // Not this test's JVM: stop ends only a process whose command line is that daemon's.
      CliRun stop = CliRun.in(tmp, tmp, env, new byte[0], "daemon", "stop");
      assertThat(stop.out()).contains("no daemon was running");
    } finally {
      s.close();
    }
  }
}
