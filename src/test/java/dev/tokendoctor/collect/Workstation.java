package dev.tokendoctor.collect;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.cli.CliContext;
import dev.tokendoctor.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A machine for one test: a real temporary HOME with real files, its own environment and clock. */
final class Workstation {
  final Path home;
  final Map<String, String> env = new LinkedHashMap<>();
  Clock clock = Clock.systemUTC();

  Workstation(Path home) {
    this.home = home;
    env.put("HOME", home.toString());
  }

  Workstation env(String name, String value) {
    env.put(name, value);
    return this;
  }

  Workstation file(String relative, String content) throws IOException {
    return bytes(relative, content.getBytes(StandardCharsets.UTF_8));
  }

  Workstation bytes(String relative, byte[] content) throws IOException {
    Path p = home.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, content);
    return this;
  }

  Workstation credentials(String content) throws IOException {
    return file(".aws/credentials", content);
  }

  Workstation config(String content) throws IOException {
    return file(".aws/config", content);
  }

  /** An executable shell script in the HOME; returns its path. */
  Path script(String name, String body) throws IOException {
    Path p = home.resolve("bin").resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
    return p;
  }

  Machine machine() {
    return new Machine(env, home, home, clock, false);
  }

  Instant now() {
    return clock.instant();
  }

  FactBundle collect(CollectRequest request) {
    return new FactCollector().collect(machine(), request);
  }

  /** One in-process run of the command line on this machine. */
  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out, true),
        new PrintWriter(err, true), Map.copyOf(env), home, home, clock, false);
    int code = Main.run(ctx, args);
    return new Run(code, out.toString(), err.toString());
  }

  /** One in-process run of {@code command} with {@code args}. */
  Run run(String command, List<String> args) {
    List<String> all = new ArrayList<>();
    all.add(command);
    all.addAll(args);
    return run(all.toArray(String[]::new));
  }

  static List<String> args(String... parts) {
    return new ArrayList<>(List.of(parts));
  }

  record Run(int exitCode, String out, String err) {}
}
