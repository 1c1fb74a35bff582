package dev.tokendoctor.daemon;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Where one daemon listens: a Unix domain socket named by a key in a folder only its user can open. The key is
 * made from the jar and the Java that run it, so a rebuilt tool or another Java never talks to an old daemon.
 *
 * @param dir the folder (mode 700)
 * @param key the daemon's key
 */
public record DaemonAddress(Path dir, String key) {
  /** Linux's limit on a socket path (sun_path) is 108 bytes with the terminating zero. */
  private static final int MAX_SOCKET_PATH = 107;

  private static final Set<PosixFilePermission> PRIVATE = PosixFilePermissions.fromString("rwx------");

  public Path socket() {
    return dir.resolve(key + ".sock");
  }

  /** Held by the running daemon for its whole life; never deleted, so two daemons never both think they hold it. */
  public Path lock() {
    return dir.resolve(key + ".lock");
  }

  /** Where the daemon writes that it started and why it stopped (never what it ran). */
  public Path log() {
    return dir.resolve(key + ".log");
  }

  /**
   * The daemon of the tool running now, or {@code null} when there can be none: not run from a jar, or no
   * private folder for the socket.
   */
  public static DaemonAddress forRunningTool(Map<String, String> env) {
    Path jar = runningJar();
    Path dir = folder(env);
    if (jar == null || dir == null) {
      return null;
    }
    String given = System.getProperty(KEY_PROPERTY);
    if (given != null && isKey(given)) {
      return of(dir, given);
    }
    try {
      return of(dir, keyOf(jar, System.getProperty("java.home"), System.getProperty("java.vm.version")));
    } catch (IOException e) {
      return null;
    }
  }

  /**
   * The key the launcher gives ({@code -Dtokendoctor.daemon.key}), made from what its class-data archive is
   * stamped with (the jar's size and time, the java binary): the launcher must know the socket before the JVM
   * starts, to start the client with the small archive when a daemon is there to answer.
   */
  public static final String KEY_PROPERTY = "tokendoctor.daemon.key";

  /** {@code dir} and {@code key}, or {@code null} when the socket's path would be too long for the system. */
  public static DaemonAddress of(Path dir, String key) {
    DaemonAddress a = new DaemonAddress(dir, key);
    return a.socket().toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH ? null : a;
  }

  /**
   * Every daemon of this user that has a socket or a lock file now (of this build or any other): a daemon that
   * warms up, or has stopped answering, holds its lock without a socket that answers.
   */
  public static List<DaemonAddress> all(Map<String, String> env) {
    Path dir = folder(env);
    List<DaemonAddress> out = new ArrayList<>();
    if (dir == null) {
      return out;
    }
    try (Stream<Path> list = Files.list(dir)) {
      list.map(p -> p.getFileName().toString())
          .map(n -> n.endsWith(".sock") ? n.substring(0, n.length() - 5) : n.endsWith(".lock") ? n.substring(0, n.length() - 5) : null)
          .filter(k -> k != null && isKey(k)).distinct().sorted()
          .forEach(k -> out.add(new DaemonAddress(dir, k)));
    } catch (IOException e) {
      return out;
    }
    return out;
  }

  /**
   * The key of a jar run by a Java: its path, size and time, and the Java's home and version. A 64-bit FNV-1a
   * hash, not a digest: it only tells one user's builds apart, and SHA-256 would load a few dozen more classes
   * on every client start.
   */
  static String keyOf(Path jar, String javaHome, String javaVersion) throws IOException {
    String stamp = jar.toAbsolutePath() + "\0" + jarStamp(jar) + "\0" + javaHome + "\0" + javaVersion;
    long h = 0xcbf29ce484222325L;
    for (byte b : stamp.getBytes(StandardCharsets.UTF_8)) {
      h ^= b & 0xff;
      h *= 0x100000001b3L;
    }
    String hex = Long.toHexString(h);
    return "0".repeat(16 - hex.length()) + hex;
  }

  /** The jar's size and time: a rebuilt jar has another. */
  public static String jarStamp(Path jar) throws IOException {
    return Files.size(jar) + "\0" + Files.getLastModifiedTime(jar).toMillis();
  }

  /** Lower-case letters and digits, at most 32: a file name, never a path (checked without a regex on start-up). */
  private static boolean isKey(String s) {
    if (s.isEmpty() || s.length() > 32) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'z')) {
        return false;
      }
    }
    return true;
  }

  /** The jar this class was loaded from, or {@code null} (a classes folder: tests, an IDE). */
  public static Path runningJar() {
    try {
      var source = DaemonAddress.class.getProtectionDomain().getCodeSource();
      if (source == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI());
      return Files.isRegularFile(p) ? p : null;
    } catch (URISyntaxException | IllegalArgumentException | SecurityException e) {
      return null;
    }
  }

  /**
   * This user's private folder for daemon sockets: {@code $XDG_RUNTIME_DIR/tokendoctor} (emptied at logout),
   * else {@code tokendoctor/daemon} in the cache folder. Created with mode 700; {@code null} when it cannot be,
   * or when it is not this user's or others may open it.
   */
  public static Path folder(Map<String, String> env) {
    Path dir;
    String runtime = env.get("XDG_RUNTIME_DIR");
    String cache = env.get("XDG_CACHE_HOME");
    String home = env.get("HOME");
    if (runtime != null && !runtime.isBlank() && Path.of(runtime).isAbsolute() && Files.isDirectory(Path.of(runtime))) {
      dir = Path.of(runtime, "tokendoctor");
    } else if (cache != null && !cache.isBlank() && Path.of(cache).isAbsolute()) {
      dir = Path.of(cache, "tokendoctor", "daemon");
    } else if (home != null && !home.isBlank() && Path.of(home).isAbsolute()) {
      dir = Path.of(home, ".cache", "tokendoctor", "daemon");
    } else {
      return null;
    }
    return privateFolder(dir);
  }

  static Path privateFolder(Path dir) {
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir.getParent());
        try {
          Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(PRIVATE));
        } catch (java.nio.file.FileAlreadyExistsException e) {
          // made by a concurrent run: checked below like any existing folder
        }
      }
      if (Files.isSymbolicLink(dir) || !Files.getOwner(dir).getName().equals(System.getProperty("user.name"))) {
        return null;
      }
      if (!Files.getPosixFilePermissions(dir).equals(PRIVATE)) {
        Files.setPosixFilePermissions(dir, PRIVATE);
      }
      return dir;
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return null;
    }
  }
}
