package dev.tokendoctor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the knowledge base is read from: a folder named by {@code --rules} or {@code TOKENDOCTOR_RULES}, or the
 * copy of {@code rules/} packaged in the jar. Both are read the same way, so messages name the same paths.
 *
 * @param description how to name this source to people ({@code rules}, {@code /tmp/my-rules}, {@code built-in rules})
 * @param files every file, sorted by path
 */
public record RuleSource(String description, List<SourceFile> files) {

  /** The classpath folder that holds the shipped copy of {@code rules/}. */
  static final String SHIPPED = "tokendoctor/rules";

  public RuleSource {
    files = List.copyOf(files);
  }

  /**
   * {@code --rules DIR} when given, else {@code TOKENDOCTOR_RULES} when set (relative to {@code workingDir}), else
   * the shipped rules.
   */
  public static RuleSource resolve(Path option, Map<String, String> env, Path workingDir) throws RulesException {
    if (option != null) {
      return fromDirectory(option);
    }
    String fromEnv = env.get("TOKENDOCTOR_RULES");
    if (fromEnv != null && !fromEnv.isBlank()) {
      return fromDirectory(workingDir.resolve(fromEnv));
    }
    return shipped();
  }

  /** Reads every file under {@code dir}. */
  public static RuleSource fromDirectory(Path dir) throws RulesException {
    if (!Files.isDirectory(dir)) {
      throw new RulesException(dir + ": not a folder of rules");
    }
    String shown = dir.toString().replace('\\', '/');
    return new RuleSource(shown, readTree(dir, shown));
  }

  /** The rules packaged in the jar (a copy of the project's {@code rules/} made at build time). */
  public static RuleSource shipped() throws RulesException {
    RuleSource indexed = ShippedIndex.read();
    if (indexed != null) {
      return indexed;
    }
    URL url = RuleSource.class.getClassLoader().getResource(SHIPPED);
    if (url == null) {
      throw new RulesException("the built-in rules are missing from this build (no " + SHIPPED + " on the classpath)");
    }
    try {
      URI uri = url.toURI();
      if ("jar".equals(uri.getScheme())) {
        FileSystem fs;
        try {
          fs = FileSystems.getFileSystem(uri);
        } catch (FileSystemNotFoundException e) {
          fs = FileSystems.newFileSystem(uri, Map.of());
        }
        return new RuleSource("built-in rules", readTree(fs.getPath(SHIPPED), "rules"));
      }
      return new RuleSource("built-in rules", readTree(Path.of(uri), "rules"));
    } catch (URISyntaxException | IOException | UncheckedIOException e) {
      throw new RulesException("cannot read the built-in rules: " + e.getMessage());
    }
  }

  public List<SourceFile> ruleFiles() {
    return files.stream().filter(SourceFile::isRule).toList();
  }

  public List<SourceFile> tableFiles() {
    return files.stream().filter(SourceFile::isTable).toList();
  }

  public List<SourceFile> templateFiles() {
    return files.stream().filter(SourceFile::isTemplates).toList();
  }

  public List<SourceFile> scenarioFiles() {
    return files.stream().filter(SourceFile::isScenarioFile).toList();
  }

  private static List<SourceFile> readTree(Path root, String shownRoot) throws RulesException {
    List<SourceFile> out = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
        String rel = root.relativize(p).toString().replace('\\', '/');
        if (rel.startsWith(".") || rel.contains("/.")) {
          continue;
        }
        if (!(rel.endsWith(".drl") || rel.endsWith(".csv") || rel.endsWith(".json") || rel.endsWith(".templates.md")
            || rel.endsWith(".expected.md"))) {
          continue;
        }
        out.add(new SourceFile(rel, shownRoot + "/" + rel, Files.readString(p, StandardCharsets.UTF_8)));
      }
    } catch (IOException | UncheckedIOException e) {
      throw new RulesException(shownRoot + ": cannot read: " + e.getMessage());
    }
    return out;
  }
}
