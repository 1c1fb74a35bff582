package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.InputFiles;
import dev.tokendoctor.daemon.DaemonAddress;
import dev.tokendoctor.daemon.DaemonClient;
import dev.tokendoctor.daemon.DaemonServer;
import dev.tokendoctor.daemon.Reply;
import dev.tokendoctor.daemon.Request;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import java.io.ByteArrayInputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The launcher's entry point. {@code diagnose}, {@code triage} and {@code rules} go to this user's daemon when one is running,
 * which answers in a tenth of a second because its JVM, knowledge bases and JIT are warm; otherwise the command
 * runs here, as {@link Main} would run it, and a daemon is started in the background for the next one.
 * {@code TOKENDOCTOR_DAEMON=off} runs everything here and starts nothing.
 */
public final class Launch {
  private Launch() {}

  public static void main(String[] args) throws IOException {
    Map<String, String> env = System.getenv();
    DaemonAddress address = DaemonHandler.serves(args) && enabled(env) ? DaemonAddress.forRunningTool(env) : null;
    if (address == null) {
      Main.main(args);
      return;
    }
    CliContext system = CliContext.system();
    List<String> readHere = inputsOnlyHere(List.of(args), system.workingDir());
    String stdinFor = readHere.isEmpty() ? "-" : readHere.get(0);
    InputStream stdin = system.stdin();
    byte[] input = new byte[0];
    // A request carries one input: with two, the command runs here.
    boolean send = readHere.size() <= 1;
    if (readHere.size() == 1) {
      // Read here: the daemon cannot open this process's descriptors (/dev/stdin, <(...)). At most the largest
      // bundle is sent; a larger input is refused by the command run here, as a one-process run refuses it.
      InputStream source = "-".equals(stdinFor) ? stdin : Files.newInputStream(system.resolve(stdinFor));
      input = source.readNBytes(Request.MAX_STDIN + 1);
      send = input.length <= Request.MAX_STDIN;
      stdin = new SequenceInputStream(new ByteArrayInputStream(input), source);
    }
    Optional<Reply> reply = send ? DaemonClient.run(address, request(args, system, env, input, stdinFor)) : Optional.empty();
    if (reply.isPresent()) {
      System.exit(write(reply.get(), new FileOutputStream(FileDescriptor.out), new FileOutputStream(FileDescriptor.err)));
    }
    CliContext here = new CliContext(stdin, system.out(), system.err(), system.env(), system.home(),
        system.workingDir(), system.clock(), system.terminal(), KnowledgeBaseMemo.NONE, stdinFor);
    int code = Main.run(here, args);
    DaemonSpawn.start(address, DaemonAddress.runningJar());
    System.exit(code);
  }

  /**
   * The inputs of a command line that only this process can read: {@code -} (standard input) and descriptors its
   * shell opened ({@code /dev/stdin}, {@code /dev/fd/63} from {@code <(...)}), each once.
   */
  static List<String> inputsOnlyHere(List<String> args, Path workingDir) {
    List<String> found = new java.util.ArrayList<>();
    for (String a : args) {
      if (("-".equals(a) || InputFiles.isDescriptor(a, workingDir)) && !found.contains(a)) {
        found.add(a);
      }
    }
    return found;
  }

  /** {@code TOKENDOCTOR_DAEMON} is unset or anything but off/0/false/no. */
  static boolean enabled(Map<String, String> env) {
    String v = env.getOrDefault("TOKENDOCTOR_DAEMON", "").trim();
    return !List.of("off", "0", "false", "no").contains(v.toLowerCase(Locale.ROOT));
  }

  static Request request(String[] args, CliContext system, Map<String, String> env, byte[] input, String stdinFor) {
    return new Request(List.of(args), Request.forwardedPart(env), system.workingDir().toString(),
        system.home().toString(), system.terminal(), CliContext.console().name(), input, stdinFor);
  }

  /** Writes what the daemon's command wrote; the text is already in this process's console charset. */
  static int write(Reply reply, OutputStream out, OutputStream err) throws IOException {
    out.write(reply.stdout());
    out.flush();
    err.write(reply.stderr());
    err.flush();
    return reply.exitCode();
  }

  /**
   * The client's part alone, for the client's start-up training run ({@code ClientTrainingRun}): sends the
   * command line to the daemon at {@code address} and discards what it answers.
   *
   * @return the command's exit code
   * @throws IllegalStateException when no daemon answered
   */
  public static int throughDaemon(DaemonAddress address, String... args) throws IOException {
    return throughDaemon(address, CliContext.system(), args);
  }

  private static int throughDaemon(DaemonAddress address, CliContext ctx, String... args) throws IOException {
    Reply reply = DaemonClient.run(address, request(args, ctx, ctx.env(), new byte[0], "-"))
        .orElseThrow(() -> new IllegalStateException("no daemon answered at " + address.socket()));
    return write(reply, OutputStream.nullOutputStream(), OutputStream.nullOutputStream());
  }

  /**
   * A round trip through a daemon in {@code dir}, for the start-up training run ({@code TrainingRun}): the
   * client's and the server's classes then start from the class-data archive too.
   */
  public static void train(Path dir, CliContext ctx, String... args) throws IOException {
    DaemonAddress address = DaemonAddress.of(dir, "training");
    if (address == null) {
      return;
    }
    DaemonServer server = new DaemonServer(address, Duration.ofMinutes(1),
        new DaemonHandler(new KnowledgeBaseMemo(1)), () -> true, line -> { });
    if (!server.lock()) {
      return;
    }
    server.bind();
    Thread serving = new Thread(server::serve, "tokendoctor-training-daemon");
    serving.start();
    try {
      int code = throughDaemon(address, ctx, args);
      if (code != ExitCodes.OK && code != ExitCodes.PROBLEM) {
        throw new IllegalStateException("training run: the daemon's 'tokendoctor " + String.join(" ", args) + "' exited "
            + code);
      }
      DaemonClient.status(address);
    } finally {
      DaemonClient.stop(address);
      try {
        serving.join(10_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
