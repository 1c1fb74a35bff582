package dev.tokendoctor.collect;

import dev.tokendoctor.facts.CredentialNames;
import dev.tokendoctor.facts.EnvVar;
import dev.tokendoctor.facts.Host;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;

/** Every AWS-related environment variable, as descriptors; and who and where the collection runs. */
final class EnvironmentCollector {
  /** Variables outside AWS_* that change where credentials come from or which files are read. */
  private static final Set<String> OTHERS = Set.of("HOME", "SUDO_USER", "USERPROFILE", "AMAZON_SESSION_TOKEN");

  void collect(Collection c) {
    Machine m = c.machine;
    for (var e : new TreeMap<>(m.env()).entrySet()) {
      String name = e.getKey();
      // A near miss of a credential's name is collected too (aws_secret_access_key in lower case): clients ignore it.
      if (name.startsWith("AWS_") || name.startsWith("AWSUME_") || OTHERS.contains(name)
          || CredentialNames.meantVariable(name) != null) {
        c.environment.add(new EnvVar(name, c.descriptors.describe(e.getValue(), SettingKinds.ofEnv(name))));
      }
    }
    String user = first(m.env("USER"), m.env("LOGNAME"), m.env("USERNAME"));
    boolean container = m.env("container") != null || m.env("KUBERNETES_SERVICE_HOST") != null
        || m.env("ECS_CONTAINER_METADATA_URI_V4") != null || m.env("ECS_CONTAINER_METADATA_URI") != null
        || (m.real() && Files.exists(Path.of("/.dockerenv")));
    c.host = new Host(System.getProperty("os.name"), user, m.home().toString(), m.env("SUDO_USER"), container,
        Files.isDirectory(m.home().resolve(".aws")));
    c.ran("environment", "ok", null);
  }

  private static String first(String... values) {
    for (String v : values) {
      if (v != null && !v.isBlank()) {
        return v;
      }
    }
    return null;
  }
}
