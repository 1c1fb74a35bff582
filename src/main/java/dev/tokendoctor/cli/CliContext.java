package dev.tokendoctor.cli;

import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * Everything a command may touch of the outside world, passed in so tests run commands in-process against a
 * temporary HOME, their own environment and their own streams.
 *
 * @param stdin standard input (for {@code -})
 * @param out standard output
 * @param err standard error
 * @param env the environment variables
 * @param home the home directory
 * @param workingDir the folder relative paths start from
 * @param clock the clock
 * @param terminal standard output is a terminal (text is the default format there, JSON elsewhere)
 */
public record CliContext(
    InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env, Path home, Path workingDir,
    Clock clock, boolean terminal) {

  /** The real process's context. */
  public static CliContext system() {
    String home = System.getProperty("user.home");
    return new CliContext(
        System.in,
        new PrintWriter(System.out, true),
        new PrintWriter(System.err, true),
        System.getenv(),
        Path.of(System.getenv().getOrDefault("HOME", home)),
        Path.of("").toAbsolutePath(),
        Clock.systemUTC(),
        System.console() != null);
  }

  /** Resolves a path given on the command line against the working folder. */
  public Path resolve(String path) {
    return workingDir.resolve(path);
  }
}
