package dev.tokendoctor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The list of the shipped rule files, written at build time by {@link PrecompileRules}. With it the shipped
 * rules are read as plain class-path resources; walking the jar instead means opening it a second time as a
 * zip file system, which costs a noticeable part of a start-up.
 */
final class ShippedIndex {
  static final String INDEX = ToolBuild.COMPILED + "/rules.files";

  private ShippedIndex() {}

  /** Read once per process: a jar does not change under a running JVM (the daemon stops when its jar does). */
  private static volatile RuleSource read;

  /** The shipped rules read through the index, or {@code null} when there is none (then the jar is walked). */
  static RuleSource read() throws RulesException {
    RuleSource r = read;
    if (r == null) {
      r = readIndexed();
      read = r;
    }
    return r;
  }

  private static RuleSource readIndexed() throws RulesException {
    ClassLoader cl = ShippedIndex.class.getClassLoader();
    URL url = cl.getResource(INDEX);
    // Only a jar is sure to match its index; a classes folder may have been changed since (an IDE's copy).
    if (url == null || !"jar".equals(url.getProtocol())) {
      return null;
    }
    String index;
    try (InputStream in = url.openStream()) {
      index = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null;
    }
    List<SourceFile> files = new ArrayList<>();
    for (String rel : index.lines().filter(l -> !l.isBlank()).toList()) {
      try (InputStream in = cl.getResourceAsStream(RuleSource.SHIPPED + "/" + rel)) {
        if (in == null) {
          throw new RulesException("the built-in rules are incomplete: " + rel + " is listed but missing");
        }
        files.add(new SourceFile(rel, "rules/" + rel, new String(in.readAllBytes(), StandardCharsets.UTF_8)));
      } catch (IOException e) {
        throw new RulesException("cannot read the built-in rules: " + e.getMessage());
      }
    }
    return new RuleSource("built-in rules", files);
  }

  /** Writes the index of {@code source} (read from the classes folder) into {@code classesDir}. */
  static void write(RuleSource source, Path classesDir) throws IOException {
    StringBuilder sb = new StringBuilder();
    source.files().forEach(f -> sb.append(f.relativePath()).append('\n'));
    Files.writeString(classesDir.resolve(INDEX), sb.toString(), StandardCharsets.UTF_8);
  }
}
