package dev.tokendoctor.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.kie.api.definition.KiePackage;

/**
 * Compiled rules of edited rules folders, in the user's cache folder ({@code $XDG_CACHE_HOME/tokendoctor}, else
 * {@code ~/.cache/tokendoctor}): one file per knowledge base ({@code kb-KEY.bin}, see {@link KnowledgeBaseKey})
 * and one per rule file compiled on its own ({@code rule-KEY.bin}), so that after an edit only the edited file is
 * compiled again.
 *
 * <p>The cache only ever saves time: a file that is missing, unreadable, corrupt or stale is ignored (and removed),
 * and a folder that cannot be written leaves the tool working, only slower. Concurrent runs are safe: a file is
 * written under a temporary name and renamed into place in one step, so a reader sees a whole file or none.
 *
 * <p>The files are read with Java deserialization, so only this user's are read: see {@link TrustedCacheFolder}
 * (the folder's owner and mode, each file's owner, and an HMAC checked before deserializing).
 */
public final class KnowledgeBaseCache {
  /** Knowledge bases kept, newest first: every rule edit leaves one behind. */
  static final int KEEP = 8;
  /** Compiled rule files kept, newest first: enough for a few hundred rules and their recent versions. */
  static final int KEEP_RULE_FILES = 1000;
  private static final String KB = "kb-";
  private static final String RULE_FILE = "rule-";
  private static final String SUFFIX = ".bin";

  private final Path dir;
  private final TrustedCacheFolder trusted;

  private KnowledgeBaseCache(Path dir) {
    this.dir = dir;
    this.trusted = dir == null ? null : new TrustedCacheFolder(dir);
  }

  /** A cache in {@code dir} (created when first written). */
  public static KnowledgeBaseCache in(Path dir) {
    return new KnowledgeBaseCache(dir);
  }

  /** No cache: every knowledge base that is not the built-in one is compiled whole. */
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

  boolean enabled() {
    return dir != null;
  }

  Path fileFor(KnowledgeBaseKey key) {
    return dir.resolve(KB + key.hex() + SUFFIX);
  }

  Path ruleFileFor(KnowledgeBaseKey key) {
    return dir.resolve(RULE_FILE + key.hex() + SUFFIX);
  }

  /** The knowledge base compiled under {@code key}, or {@code null} when there is no sound one. */
  KnowledgeBase read(KnowledgeBaseKey key, RuleSource source) {
    if (dir == null) {
      return null;
    }
    Path file = fileFor(key);
    byte[] bytes = readBytes(file);
    if (bytes == null) {
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

  /** The packages of one rule file compiled under {@code key}, or {@code null} when there is no sound one. */
  Collection<KiePackage> readRuleFile(KnowledgeBaseKey key) {
    if (dir == null) {
      return null;
    }
    Path file = ruleFileFor(key);
    byte[] bytes = readBytes(file);
    if (bytes == null) {
      return null;
    }
    try {
      return CompiledKnowledgeBase.readPackages(bytes, key);
    } catch (CompiledKnowledgeBase.Unusable e) {
      deleteQuietly(file);
      return null;
    }
  }

  /** Stores {@code kb} under {@code key}; best effort, never fails the run. */
  void write(KnowledgeBaseKey key, KnowledgeBase kb) {
    if (dir != null) {
      store(fileFor(key), () -> CompiledKnowledgeBase.write(key, kb), KB, KEEP);
    }
  }

  /** Stores one rule file's compiled packages under {@code key}; best effort. */
  void writeRuleFile(KnowledgeBaseKey key, Collection<KiePackage> packages) {
    if (dir != null) {
      store(ruleFileFor(key), () -> CompiledKnowledgeBase.write(key, packages), RULE_FILE, KEEP_RULE_FILES);
    }
  }

  private interface Bytes {
    byte[] get() throws IOException;
  }

  private void store(Path target, Bytes content, String prefix, int keep) {
    Path tmp = null;
    try {
      byte[] bytes = trusted.seal(content.get());
      if (bytes == null) {
        return;
      }
      tmp = Files.createTempFile(dir, prefix, ".tmp");
      Files.write(tmp, bytes);
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
      prune(target, prefix, keep);
    } catch (IOException | RuntimeException e) {
      // A read-only home, a full disk, a package that does not serialize: run on uncached.
    } finally {
      if (tmp != null) {
        deleteQuietly(tmp);
      }
    }
  }

  /** The file's content once its owner and MAC are checked ({@link TrustedCacheFolder}), else {@code null}. */
  private byte[] readBytes(Path file) {
    try {
      return trusted.read(file);
    } catch (UncheckedIOException | SecurityException e) {
      return null;
    }
  }

  /** Keeps the newest {@code keep} entries of one kind; removes temporary files left by runs that died. */
  private void prune(Path justWritten, String prefix, int keep) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
    }
    entries.stream()
        .filter(p -> p.toString().endsWith(SUFFIX) && !p.equals(justWritten))
        .sorted(Comparator.comparing(KnowledgeBaseCache::modified).reversed())
        .skip(keep - 1L)
        .forEach(KnowledgeBaseCache::deleteQuietly);
    // A temporary file older than an hour was left by a run that died; a younger one may be a live writer's.
    long now = System.currentTimeMillis();
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
