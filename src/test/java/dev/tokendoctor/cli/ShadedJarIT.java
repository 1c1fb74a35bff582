package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Runs the shaded jar as a user would. Unit tests run on Maven's classpath and cannot see a jar whose merged
 * service files are broken (Drools then fails on the first rule), so this runs after {@code package}.
 */
class ShadedJarIT {
  static final Path JAR = Path.of("target/tokendoctor.jar");

  record Proc(int exit, String out, String err) {}

  static Proc run(String... args) throws IOException, InterruptedException {
    return run(java.util.Map.of(), args);
  }

  static Proc run(java.util.Map<String, String> env, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    Path out = Files.createTempFile("td-out", ".txt");
    Path err = Files.createTempFile("td-err", ".txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile());
    pb.environment().putAll(env);
    Process p = pb.start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the jar finished").isTrue();
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }

  @Test
  void diagnosesASampleWithTheRulesPackagedInTheJar() throws Exception {
    Proc p = run("diagnose", "facts-samples/session-token-missing.json", "--format", "json");
    assertThat(p.err()).isEmpty();
    assertThat(p.exit()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(p.out()).contains("\"id\" : \"SESSION_TOKEN_MISSING\"");
  }

  @Test
  void theCLocaleStillGetsTheEllipsisOfAKeyDescriptor() throws Exception {
    // No locale (a container, cron): Java alone would print ASIA?MPLE.
    Proc p = run(java.util.Map.of("LC_ALL", "C", "LANG", "C"), "diagnose", "facts-samples/session-token-missing.json",
        "--format", "text");
    assertThat(p.exit()).isEqualTo(ExitCodes.PROBLEM);
    assertThat(p.out()).contains("ASIA\u2026MPLE").doesNotContain("ASIA?MPLE");
  }

  @Test
  void healthySamplesExitZero() throws Exception {
    List<Path> healthy;
    try (Stream<Path> s = Files.list(Path.of("facts-samples"))) {
      healthy = s.filter(f -> f.getFileName().toString().startsWith("healthy-")).sorted().toList();
    }
    for (Path h : healthy) {
      Proc p = run("diagnose", h.toString(), "--format", "text");
      assertThat(p.exit()).as(h + ":\n" + p.out() + p.err()).isEqualTo(ExitCodes.OK);
      assertThat(p.out()).startsWith("OK: ");
    }
  }

  @Test
  void aMalformedBundleExitsTwo() throws Exception {
    Path bad = Files.createTempFile("bad", ".json");
    Files.writeString(bad, "{\"schemaVersion\": ");
    Proc p = run("diagnose", bad.toString());
    assertThat(p.exit()).isEqualTo(ExitCodes.BAD_INPUT);
    assertThat(p.out()).isEmpty();
    assertThat(p.err().strip().lines()).hasSize(1);
  }

  @Test
  void versionAndHelp() throws Exception {
    assertThat(run("--version").out()).startsWith("tokendoctor ");
    assertThat(run("--help").out()).contains("diagnose", "Exit codes");
  }
}
