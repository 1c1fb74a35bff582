package dev.tokendoctor.cli;

import dev.tokendoctor.engine.KnowledgeBaseMemo;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
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
 * @param knowledgeBases the knowledge bases this process keeps between commands (the daemon's); none in a
 *     one-shot run
 * @param stdinFor the argument whose content {@code stdin} holds: {@code -}, or in the daemon the descriptor
 *     path (such as {@code /dev/fd/63}) that the client read for it, since the daemon cannot open the client's
 *     descriptors
 */
public record CliContext(
    InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env, Path home, Path workingDir,
    Clock clock, boolean terminal, KnowledgeBaseMemo knowledgeBases, String stdinFor) {

  /** A context whose standard input is {@code -}'s. */
  public CliContext(
      InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env, Path home, Path workingDir,
      Clock clock, boolean terminal, KnowledgeBaseMemo knowledgeBases) {
    this(stdin, out, err, env, home, workingDir, clock, terminal, knowledgeBases, "-");
  }

  /** A one-shot run's context: it keeps no knowledge base for a next command. */
  public CliContext(
      InputStream stdin, PrintWriter out, PrintWriter err, Map<String, String> env, Path home, Path workingDir,
      Clock clock, boolean terminal) {
    this(stdin, out, err, env, home, workingDir, clock, terminal, KnowledgeBaseMemo.NONE);
  }

  /** The real process's context. */
  public static CliContext system() {
    String home = System.getProperty("user.home");
    return new CliContext(
        System.in,
        new PrintWriter(new OutputStreamWriter(System.out, CONSOLE), true),
        new PrintWriter(new OutputStreamWriter(System.err, CONSOLE), true),
        System.getenv(),
        Path.of(System.getenv().getOrDefault("HOME", home)),
        Path.of("").toAbsolutePath(),
        Clock.systemUTC(),
        System.console() != null);
  }

  private static final Charset CONSOLE = consoleCharset(System.getProperty("native.encoding"));

  /** The charset this process writes to standard output and error. */
  static Charset console() {
    return CONSOLE;
  }

  /**
   * The charset written to standard output and error: the locale's, except that the C/POSIX locale's ASCII
   * becomes UTF-8. That locale is mostly no locale at all (a container, cron, an ssh session without LANG) on
   * a UTF-8 terminal, and ASCII would print {@code ASIA?MPLE} for {@code ASIA…MPLE} and break JSON's
   * UTF-8; Python does the same since PEP 538.
   */
  static Charset consoleCharset(String nativeEncoding) {
    Charset cs;
    try {
      cs = nativeEncoding == null ? StandardCharsets.UTF_8 : Charset.forName(nativeEncoding);
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
    return cs.equals(StandardCharsets.US_ASCII) ? StandardCharsets.UTF_8 : cs;
  }

  /** Resolves a path given on the command line against the working folder. */
  public Path resolve(String path) {
    return workingDir.resolve(path);
  }
}
