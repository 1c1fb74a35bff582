package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.InputFiles;
import dev.tokendoctor.daemon.DaemonServer;
import dev.tokendoctor.daemon.Reply;
import dev.tokendoctor.daemon.Request;
import dev.tokendoctor.engine.KnowledgeBaseMemo;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;

/**
 * Runs a command line the daemon received exactly as the client's own process would: through {@link Main#run},
 * against the client's working folder, home, standard input, terminal and charset, keeping the knowledge bases
 * between commands.
 */
final class DaemonHandler implements DaemonServer.Handler {
  /** The commands the daemon runs: they read files and print, nothing else of the machine. */
  static final Set<String> SERVED = Set.of("diagnose", "triage", "rules");

  private final KnowledgeBaseMemo memo;

  DaemonHandler(KnowledgeBaseMemo memo) {
    this.memo = memo;
  }

  /**
   * Whether the daemon runs this command line (triage, like diagnose, reads a file and prints); doctor and collect
   * read the real machine, batch runs long. Help and version stay here: picocli colours them for this process's
   * terminal.
   */
  static boolean serves(String... args) {
    if (args.length == 0 || !SERVED.contains(args[0])) {
      return false;
    }
    for (String a : args) {
      if (HELP.contains(a)) {
        return false;
      }
    }
    return true;
  }

  private static final Set<String> HELP = Set.of("-h", "--help", "-V", "--version");

  @Override
  public Reply run(Request request) {
    String[] args = request.args().toArray(String[]::new);
    if (!serves(args)) {
      return new Reply(new byte[0], ("tokendoctor: error: the daemon does not run '" + String.join(" ", args) + "'\n")
          .getBytes(StandardCharsets.UTF_8), ExitCodes.BAD_INPUT);
    }
    for (String a : args) {
      if (!a.equals(request.stdinFor()) && InputFiles.isDescriptor(a, Path.of(request.workingDir()))) {
        // The daemon's own descriptors, not the client's: the client reads these and sends them (see Launch).
        return new Reply(new byte[0], ("tokendoctor: error: " + a + ": the daemon cannot read the client's descriptors\n")
            .getBytes(StandardCharsets.UTF_8), ExitCodes.BAD_INPUT);
      }
    }
    Charset cs = charset(request.charset());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, cs), true);
    PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, cs), true);
    CliContext ctx = new CliContext(new ByteArrayInputStream(request.stdin()), outWriter, errWriter, request.env(),
        Path.of(request.home()), Path.of(request.workingDir()), Clock.systemUTC(), request.terminal(), memo,
        request.stdinFor());
    int code;
    try {
      code = Main.run(ctx, args);
    } catch (RuntimeException e) {
      code = Main.report(ctx, e, request.args().contains("--verbose"));
    }
    outWriter.flush();
    errWriter.flush();
    return new Reply(out.toByteArray(), err.toByteArray(), code);
  }

  private static Charset charset(String name) {
    try {
      return Charset.forName(name);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }
}
