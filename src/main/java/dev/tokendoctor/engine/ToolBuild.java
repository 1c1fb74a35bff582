package dev.tokendoctor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Which build of the tool and of Drools is running. Compiled rules are only valid for the classes they were
 * compiled against, so the build id (a digest of the tool's own classes, written at build time by
 * {@link PrecompileRules}) is part of every {@link KnowledgeBaseKey}: a rebuilt tool never reads a stale cache,
 * even when its version number did not change.
 */
final class ToolBuild {
  /** Where {@link PrecompileRules} puts what it makes, under the classes folder and so in the jar. */
  static final String COMPILED = "tokendoctor/compiled";
  static final String BUILD_ID = COMPILED + "/build-id";
  static final String SHIPPED_KB = COMPILED + "/rules.kb";
  /** The same rules for {@code batch}'s rows, without checks and supporting rules (see {@link KnowledgeBases#openForRows}). */
  static final String SHIPPED_KB_FOR_ROWS = COMPILED + "/rules-for-rows.kb";

  private static volatile String id;

  private ToolBuild() {}

  /** The build id, or {@code null} when it cannot be known (then nothing is cached). */
  static String id() {
    String s = id;
    if (s == null) {
      s = readId();
      id = s == null ? "" : s;
    }
    return s == null || s.isEmpty() ? null : s;
  }

  private static String readId() {
    try (InputStream in = ToolBuild.class.getClassLoader().getResourceAsStream(BUILD_ID)) {
      if (in != null) {
        return new String(in.readAllBytes(), StandardCharsets.US_ASCII).strip();
      }
    } catch (IOException e) {
      return null;
    }
    // Run from a classes folder that the build step has not seen (an IDE): digest the classes themselves.
    try {
      Path root = Path.of(ToolBuild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      return Files.isDirectory(root) ? digestClasses(root) : null;
    } catch (URISyntaxException | IOException | UncheckedIOException | SecurityException | NullPointerException e) {
      return null;
    }
  }

  /** A digest of every class file of the tool under {@code classesDir}, in path order. */
  static String digestClasses(Path classesDir) throws IOException {
    Path ours = classesDir.resolve("dev/tokendoctor");
    MessageDigest sha = KnowledgeBaseKey.sha256();
    List<Path> classes;
    try (Stream<Path> walk = Files.walk(ours)) {
      classes = walk.filter(p -> p.toString().endsWith(".class")).sorted().toList();
    }
    for (Path p : classes) {
      sha.update(classesDir.relativize(p).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
      sha.update((byte) 0);
      sha.update(Files.readAllBytes(p));
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  /** The Drools version on the class path, from its jar's Maven metadata. */
  static String droolsVersion() {
    return DroolsVersion.VALUE;
  }

  private static final class DroolsVersion {
    static final String VALUE = readDroolsVersion();
  }

  private static String readDroolsVersion() {
    try (InputStream in = ToolBuild.class.getClassLoader()
        .getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        return p.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      // fall through to Drools' own idea of its version
    }
    return org.drools.base.util.Drools.getFullVersion();
  }
}
