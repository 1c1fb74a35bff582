package dev.tokendoctor.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * One in-process run of the command line, with its own streams and environment.
 *
 * @param exitCode the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /** Runs {@code args} from the project folder with an empty environment and no terminal. */
  public static CliRun of(String... args) {
    return with(Map.of(), "", args);
  }

  /** Runs {@code args} with the given environment and standard input. */
  public static CliRun with(Map<String, String> env, String stdin, String... args) {
    return in(Path.of("target/test-home"), Path.of("").toAbsolutePath(), env,
        stdin.getBytes(StandardCharsets.UTF_8), args);
  }

  /** Runs {@code args} with the given home, working folder, environment and standard input. */
  public static CliRun in(Path home, Path workingDir, Map<String, String> env, byte[] stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new ByteArrayInputStream(stdin), new PrintWriter(out, true),
        new PrintWriter(err, true), env, home, workingDir, Clock.systemUTC(), false);
    int code = Main.run(ctx, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
