package dev.tokendoctor.collect;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * The machine being examined, passed in so tests examine a temporary HOME with their own environment and
 * clock. Only {@code tokendoctor collect}/{@code doctor} run from a terminal use the real one.
 *
 * @param env the environment variables the failing client would see
 * @param home the home directory (where {@code ~/.aws} lives)
 * @param workingDir where relative paths in the environment start from
 * @param clock the local clock
 * @param real this is the process's own machine: host details (containers) may be read from the file system
 */
public record Machine(Map<String, String> env, Path home, Path workingDir, Clock clock, boolean real) {

  public Machine {
    env = Map.copyOf(env);
  }

  String env(String name) {
    return env.get(name);
  }

  /** The variable's value when it is set and not blank. */
  String envNonBlank(String name) {
    String v = env.get(name);
    return v == null || v.isBlank() ? null : v;
  }

  /** A path as the AWS clients expand it: {@code ~} is the home, relative paths start from the working folder. */
  Path expand(String path) {
    String p = path.strip();
    if (p.equals("~")) {
      return home;
    }
    if (p.startsWith("~/") || p.startsWith("~\\")) {
      return home.resolve(p.substring(2));
    }
    return workingDir.resolve(p);
  }

  /** How a path is shown to people: {@code ~/.aws/credentials} under the home, else as is. */
  String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    Path h = home.toAbsolutePath().normalize();
    if (abs.startsWith(h)) {
      return "~/" + h.relativize(abs).toString().replace('\\', '/');
    }
    return abs.toString();
  }
}
