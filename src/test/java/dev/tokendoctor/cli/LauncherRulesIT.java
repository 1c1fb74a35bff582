package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Editing {@code rules/} never makes the launcher build the jar: the edited folder is read at run time. Run on a
 * copy of the checkout (the script, the built jar, sources and pom older than it, the rules and samples), so the
 * real rules are never touched; a build, had the launcher tried one, would fail there for want of sources.
 */
class LauncherRulesIT {
  // Set, not left to the clock: file times here can be coarser than the few milliseconds between two writes.
  private static final FileTime BEFORE_THE_BUILD = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
  private static final FileTime THE_BUILD = FileTime.from(Instant.parse("2021-01-01T00:00:00Z"));
  private static final FileTime AFTER_THE_BUILD = FileTime.from(Instant.parse("2022-01-01T00:00:00Z"));

  @TempDir Path tmp;
  Path checkout;

  @BeforeEach
  void copyOfTheCheckout() throws IOException {
    checkout = Files.createDirectory(tmp.resolve("checkout"));
    Files.copy(Path.of("tokendoctor"), checkout.resolve("tokendoctor"), StandardCopyOption.COPY_ATTRIBUTES);
    Files.createDirectories(checkout.resolve("src/main"));
    Files.writeString(checkout.resolve("pom.xml"), "<project/>\n");
    Files.setLastModifiedTime(checkout.resolve("src/main"), BEFORE_THE_BUILD);
    Files.setLastModifiedTime(checkout.resolve("pom.xml"), BEFORE_THE_BUILD);
    dev.tokendoctor.TestTrees.copy(Path.of("rules"), checkout.resolve("rules"));
    dev.tokendoctor.TestTrees.copy(Path.of("facts-samples"), checkout.resolve("facts-samples"));
    try (var files = Files.walk(checkout.resolve("rules"))) {
      for (Path p : files.toList()) {
        Files.setLastModifiedTime(p, BEFORE_THE_BUILD);
      }
    }
    try (var files = Files.walk(checkout.resolve("facts-samples"))) {
      for (Path p : files.toList()) {
        Files.setLastModifiedTime(p, BEFORE_THE_BUILD);
      }
    }
    Files.createDirectory(checkout.resolve("target"));
    Files.copy(Path.of("target/tokendoctor.jar"), checkout.resolve("target/tokendoctor.jar"));
    Files.setLastModifiedTime(checkout.resolve("target/tokendoctor.jar"), THE_BUILD);
  }

  private static void edit(Path file, String from, String to) throws IOException {
    Files.writeString(file, Files.readString(file).replace(from, to));
    Files.setLastModifiedTime(file, AFTER_THE_BUILD);
  }

  @Test
  void anEditedRuleIsReadAtRunTimeWithoutABuild() throws Exception {
    Path rule = checkout.resolve("rules/key-material/KEY_ID_NOT_FOUND.drl");
    edit(rule, "@title(\"AWS does not know this access key id\")", "@title(\"AWS does not know this access key id (edited)\")");

    Proc p = launch("rules", "list");

    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(p.err()).doesNotContain("building the jar");
    assertThat(p.out()).contains("AWS does not know this access key id (edited)");
    assertThat(LauncherTrace.execLine(p.err())).isNotEmpty();
  }

  @Test
  void anEditedSampleIsReadAtRunTimeToo() throws Exception {
    Path sample = checkout.resolve("facts-samples/key-id-not-found.json");
    edit(sample, "", "");

    Proc p = launch("rules", "list");

    assertThat(p.err()).doesNotContain("building the jar").contains("export TOKENDOCTOR_RULES=" + checkout.resolve("rules"));
  }

  @Test
  void unchangedRulesAreTheOnesBuiltIn() throws Exception {
    Proc p = launch("rules", "list");

    assertThat(p.exit()).as(p.err()).isZero();
    assertThat(p.err()).doesNotContain("building the jar").doesNotContain("TOKENDOCTOR_RULES=");
    assertThat(p.out()).contains("AWS does not know this access key id").doesNotContain("(edited)");
  }

  record Proc(int exit, String out, String err) {}

  private Proc launch(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", "-x", checkout.resolve("tokendoctor").toString()));
    cmd.addAll(List.of(args));
    Path out = tmp.resolve("out.txt");
    Path err = tmp.resolve("err.txt");
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    pb.environment().put("HOME", tmp.toString());
    pb.environment().put("XDG_CACHE_HOME", tmp.resolve("cache").toString());
    pb.environment().put("TOKENDOCTOR_DAEMON", "off");
    pb.environment().put("TOKENDOCTOR_CDS", "off");
    pb.environment().remove("TOKENDOCTOR_RULES");
    pb.environment().remove("XDG_RUNTIME_DIR");
    Process p = pb.start();
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("the command finished").isTrue();
    return new Proc(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
  }
}
