package dev.tokendoctor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/** Copies of the project's folders (rules, samples), for tests that edit them the way a support engineer does. */
public final class TestTrees {
  private TestTrees() {}

  /** Copies the folder {@code from} with everything below it to {@code to}, replacing files already there. */
  public static Path copy(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
    return to;
  }
}
