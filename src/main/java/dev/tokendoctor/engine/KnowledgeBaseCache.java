package dev.tokendoctor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Compiled knowledge bases of edited rules folders, one file per {@link KnowledgeBaseKey}, in the user's cache
 * folder ({@code $XDG_CACHE_HOME/tokendoctor}, else {@code ~/.cache/tokendoctor}). The cache only ever saves
 * time: a file that is missing, unreadable, corrupt or stale is ignored (and removed), and a folder that cannot
 * be written leaves the tool working, only slower. Concurrent runs are safe: a file is written under a temporary
 * name and renamed into place in one step, so a reader sees a whole file or none.
 */
public final class KnowledgeBaseCache {
  /** Old entries beyond this many are removed, newest kept: every rule edit leaves one behind. */
  static final int KEEP = 8;
  private static final String PREFIX = "kb-";
  private static final String SUFFIX = ".bin";

  private final Path dir;

  private KnowledgeBaseCache(Path dir) {
    this.dir = dir;
  }

  /** A cache in {@code dir} (created when first written). */
  public static KnowledgeBaseCache in(Path dir) {
    return new KnowledgeBaseCache(dir);
  }

  /** No cache: every knowledge base that is not the built-in one is compiled. */
  public static KnowledgeBaseCache none() {
    return new KnowledgeBaseCache(null);
  }

  /** {@code $XDG_CACHE_HOME/tokendoctor} when that is an absolute path, else {@code $HOME/.cache/tokendoctor}. */
  public static KnowledgeBaseCache forEnvironment(Map<String, String> env) {
    String xdg = env.get("XDG_CACHE_HOME");
    // The XDG spec says a relative path is invalid and must be ignored.
    if (xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()) {
      return in(Path.of(xdg, "tokendoctor"));
    }
    String home = env.get("HOME");
    if (home == null || home.isBlank()) {
      home = System.getProperty("user.home");
    }
    return home == null || home.isBlank() ? none() : in(Path.of(home, ".cache", "tokendoctor"));
  }

  /** The folder, or {@code null} for no cache. */
  public Path dir() {
    return dir;
  }

  Path fileFor(KnowledgeBaseKey key) {
    return dir.resolve(PREFIX + key.hex() + SUFFIX);
  }

  /** The knowledge base compiled under {@code key}, or {@code null} when there is no sound one. */
  KnowledgeBase read(KnowledgeBaseKey key, RuleSource source) {
    if (dir == null) {
      return null;
    }
    Path file = fileFor(key);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException | UncheckedIOException | SecurityException e) {
      return null;
    }
    try {
      return CompiledKnowledgeBase.read(bytes, key, source);
    } catch (CompiledKnowledgeBase.Unusable e) {
      // Corrupt or foreign: drop it so that the compile that follows writes a sound one in its place.
      deleteQuietly(file);
      return null;
    }
  }

  /** Stores {@code kb} under {@code key}; best effort, never fails the run. */
  void write(KnowledgeBaseKey key, KnowledgeBase kb) {
    if (dir == null) {
      return;
    }
    Path tmp = null;
    try {
      byte[] bytes = CompiledKnowledgeBase.write(key, kb);
      Files.createDirectories(dir);
      tmp = Files.createTempFile(dir, PREFIX, ".tmp");
      Files.write(tmp, bytes);
      Path target = fileFor(key);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      prune(target);
    } catch (IOException | RuntimeException e) {
      // A read-only home, a full disk, a package that does not serialize: run on uncached.
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /** Keeps the newest {@link #KEEP} entries (and the one just written); removes stray temporary files too. */
  private void prune(Path justWritten) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.filter(p -> p.getFileName().toString().startsWith(PREFIX)).toList();
    }
    long now = System.currentTimeMillis();
    List<Path> old = entries.stream()
        .filter(p -> p.toString().endsWith(SUFFIX) && !p.equals(justWritten))
        .sorted(Comparator.comparing(KnowledgeBaseCache::modified).reversed())
        .skip(KEEP - 1L)
        .toList();
    old.forEach(KnowledgeBaseCache::deleteQuietly);
    // A temporary file older than an hour was left by a run that died; a younger one may be a live writer's.
    entries.stream().filter(p -> p.toString().endsWith(".tmp") && now - modified(p).toMillis() > 3_600_000L)
        .forEach(KnowledgeBaseCache::deleteQuietly);
  }

  private static FileTime modified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException | SecurityException e) {
      // Someone else's file or a read-only folder: leave it.
    }
  }
}
