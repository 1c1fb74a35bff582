package dev.tokendoctor.daemon;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TimeZone;

/**
 * What every command the daemon runs must leave as it found it. A rule file is code (a DRL consequence is Java),
 * and a rules folder given with {@code --rules} runs in the daemon's JVM: a consequence that sets
 * {@code user.name}, the working folder or the default time zone would change the answers
 * of every later client. The daemon takes a snapshot before serving and checks it after each command; when it no
 * longer holds, the daemon stops (its next client starts a fresh one).
 */
final class DaemonInvariants {
  /** The properties the tool or the JDK read after start-up. */
  private static final List<String> PROPERTIES = List.of("user.name", "user.home", "user.dir", "java.home",
      "java.io.tmpdir", "file.separator", "path.separator", "line.separator", "file.encoding", "native.encoding",
      "jdk.net.unixdomain.tmpdir");

  private final List<String> values;
  private final Locale locale;
  private final TimeZone zone;

  private DaemonInvariants() {
    values = new ArrayList<>();
    for (String p : PROPERTIES) {
      values.add(System.getProperty(p));
    }
    locale = Locale.getDefault();
    zone = TimeZone.getDefault();
  }

  /** The process's state now. */
  static DaemonInvariants snapshot() {
    return new DaemonInvariants();
  }

  /** What changed since the snapshot, in one line, or {@code null} when nothing did. */
  String broken() {
    for (int i = 0; i < PROPERTIES.size(); i++) {
      String now = System.getProperty(PROPERTIES.get(i));
      if (!Objects.equals(now, values.get(i))) {
        return "the system property " + PROPERTIES.get(i) + " was changed";
      }
    }
    if (!locale.equals(Locale.getDefault())) {
      return "the default locale was changed";
    }
    if (!zone.equals(TimeZone.getDefault())) {
      return "the default time zone was changed";
    }
    return null;
  }
}
