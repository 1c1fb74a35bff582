package dev.tokendoctor.startup;

import dev.tokendoctor.cli.CliContext;
import dev.tokendoctor.cli.ExitCodes;
import dev.tokendoctor.cli.Launch;
import dev.tokendoctor.cli.Main;
import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.engine.SourceFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The run the launcher records a class-data-sharing archive from ({@code -XX:ArchiveClassesAtExit}): it goes
 * through what people run, so that those classes start from the archive afterwards. It diagnoses a spread of
 * the sample bundles with the built-in rules in each output format, and with an edited copy of them (a compile, a
 * cache write, then a cache read), collects offline, and makes one round trip through a daemon (both ends in this
 * process), all in a temporary folder that it removes. {@link ClientTrainingRun} records the client's own, small
 * archive.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A -cp tokendoctor.jar dev.tokendoctor.startup.TrainingRun [SAMPLES_DIR]}
 */
public final class TrainingRun {
  /** A bundle that parses when no samples folder is at hand (an installed jar). */
  private static final String MINIMAL_BUNDLE = "{\"schemaVersion\": 1}";
  /** How many sample bundles the run diagnoses. */
  private static final int SAMPLES = 8;

  private TrainingRun() {}

  public static void main(String[] args) throws IOException, RulesException {
    Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
    train(tmp, args.length > 0 ? Path.of(args[0]) : null);
  }

  /**
   * Trains in a temporary folder made under {@code parent} and removed at the end.
   *
   * @return the command lines run, in order (the daemon round trip last): what the archive covers
   */
  static List<String> train(Path parent, Path samples) throws IOException, RulesException {
    List<String> ran = new ArrayList<>();
    Path work = Files.createTempDirectory(parent, "tokendoctor-training");
    try {
      List<Path> bundles = bundles(samples, work);
      Path edited = editedCopyOfShippedRules(work.resolve("rules"));
      Map<String, String> env = Map.of("XDG_CACHE_HOME", work.resolve("cache").toString(), "HOME", work.toString());
      for (Path bundle : bundles) {
        for (String format : List.of("text", "json", "markdown")) {
          ran.add(run(env, work, "diagnose", bundle.toString(), "--format", format));
        }
      }
      // First run compiles and caches, the second reads the cache: both paths are people's.
      ran.add(run(env, work, "diagnose", bundles.get(0).toString(), "--rules", edited.toString(), "--format", "text"));
      ran.add(run(env, work, "diagnose", bundles.get(0).toString(), "--rules", edited.toString(), "--format", "text"));
      // The collectors and the SDK's profile parser, without the network (doctor's STS calls are not trained).
      ran.add(run(env, work, "collect", "--offline"));
      ran.add(run(env, work, "--help"));
      // The launcher's client and the daemon it talks to, through a socket in the temporary folder.
      Path sockets = Files.createDirectory(work.resolve("daemon"));
      PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
      String[] daemonArgs = {"diagnose", bundles.get(0).toString(), "--format", "text"};
      Launch.train(sockets, new CliContext(new ByteArrayInputStream(new byte[0]), sink, sink, env, work, work,
          Clock.systemUTC(), false), daemonArgs);
      ran.add("daemon: " + String.join(" ", daemonArgs));
    } finally {
      deleteTree(work);
    }
    return ran;
  }

  /**
   * Runs one command line; a run that ends in bad input or an internal error means the training (and with it
   * the archive) does not cover what people run, so it fails loudly rather than record a partial archive.
   */
  private static String run(Map<String, String> env, Path work, String... args) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), sink, sink, env, work, work,
        Clock.systemUTC(), false);
    int code = Main.run(ctx, args);
    if (code != ExitCodes.OK && code != ExitCodes.PROBLEM) {
      throw new IllegalStateException("training run: 'tokendoctor " + String.join(" ", args) + "' exited " + code);
    }
    return String.join(" ", args);
  }

  private static List<Path> bundles(Path samples, Path work) throws IOException {
    List<Path> out = new ArrayList<>();
    if (samples != null && Files.isDirectory(samples)) {
      List<Path> all;
      try (Stream<Path> list = Files.list(samples)) {
        // Absolute: the commands run with the temporary folder as their working folder.
        all = list.filter(p -> p.toString().endsWith(".json")).map(Path::toAbsolutePath).sorted().toList();
      }
      // A spread of samples loads the classes every sample would; all of them made the first run after a
      // build wait 27 s instead of a few.
      int step = Math.max(1, all.size() / SAMPLES);
      for (int i = 0; i < all.size() && out.size() < SAMPLES; i += step) {
        out.add(all.get(i));
      }
    }
    if (out.isEmpty()) {
      Path minimal = work.resolve("minimal.json");
      Files.writeString(minimal, MINIMAL_BUNDLE);
      out.add(minimal);
    }
    return out;
  }

  /** The shipped rules written out with one comment added: the same rules under another key, so they compile. */
  private static Path editedCopyOfShippedRules(Path dir) throws IOException, RulesException {
    boolean edited = false;
    for (SourceFile f : RuleSource.shipped().files()) {
      Path p = dir.resolve(f.relativePath());
      Files.createDirectories(p.getParent());
      String text = f.text();
      if (!edited && f.isRule()) {
        text += "\n// edited copy for the start-up training run\n";
        edited = true;
      }
      Files.writeString(p, text);
    }
    return dir;
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      walk.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.delete(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
