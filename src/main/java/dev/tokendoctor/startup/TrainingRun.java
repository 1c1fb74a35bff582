package dev.tokendoctor.startup;

import dev.tokendoctor.cli.CliContext;
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
 * through what people run, so that those classes start from the archive afterwards. It diagnoses every sample
 * bundle with the built-in rules in each output format, and with an edited copy of them (a compile, a cache write,
 * then a cache read), all in a temporary folder that it removes.
 *
 * <p>Usage: {@code java -XX:ArchiveClassesAtExit=A -cp tokendoctor.jar dev.tokendoctor.startup.TrainingRun [SAMPLES_DIR]}
 */
public final class TrainingRun {
  /** A bundle that parses when no samples folder is at hand (an installed jar). */
  private static final String MINIMAL_BUNDLE = "{\"schemaVersion\": 1}";

  private TrainingRun() {}

  public static void main(String[] args) throws IOException, RulesException {
    Path work = Files.createTempDirectory("tokendoctor-training");
    try {
      List<Path> bundles = bundles(args.length > 0 ? Path.of(args[0]) : null, work);
      Path edited = editedCopyOfShippedRules(work.resolve("rules"));
      Map<String, String> env = Map.of("XDG_CACHE_HOME", work.resolve("cache").toString(), "HOME", work.toString());
      for (Path bundle : bundles) {
        for (String format : List.of("text", "json", "markdown")) {
          run(env, work, "diagnose", bundle.toString(), "--format", format);
        }
      }
      // First run compiles and caches, the second reads the cache: both paths are people's.
      run(env, work, "diagnose", bundles.get(0).toString(), "--rules", edited.toString(), "--format", "text");
      run(env, work, "diagnose", bundles.get(0).toString(), "--rules", edited.toString(), "--format", "text");
      run(env, work, "--help");
    } finally {
      deleteTree(work);
    }
  }

  private static void run(Map<String, String> env, Path work, String... args) {
    PrintWriter sink = new PrintWriter(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
    CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), sink, sink, env, work, work,
        Clock.systemUTC(), false);
    Main.run(ctx, args);
  }

  private static List<Path> bundles(Path samples, Path work) throws IOException {
    List<Path> out = new ArrayList<>();
    if (samples != null && Files.isDirectory(samples)) {
      try (Stream<Path> list = Files.list(samples)) {
        list.filter(p -> p.toString().endsWith(".json")).sorted().forEach(out::add);
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
