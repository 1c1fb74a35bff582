package dev.tokendoctor.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tokendoctor.cli.CliContext;
import dev.tokendoctor.cli.Main;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@code diagnose} process does at start-up: which classes it loads, where it caches. */
class DiagnoseStartupTest {
  static final Path SAMPLE = Path.of("facts-samples/session-token-missing.json").toAbsolutePath();

  @TempDir Path tmp;

  @Test
  void diagnoseLoadsNoAwsSdkClass() throws Exception {
    Path log = tmp.resolve("classes.log");
    Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
        "dev.tokendoctor.cli.Main", "diagnose", SAMPLE.toString(), "--format", "json")
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("out.txt").toFile())
        .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(Files.readString(tmp.resolve("out.txt"))).contains("SESSION_TOKEN_MISSING");
    List<String> loaded = Files.readAllLines(log);
    assertThat(loaded).anyMatch(l -> l.contains("org.drools."));
    assertThat(loaded).as("AWS SDK classes loaded by diagnose")
        .noneMatch(l -> l.contains(" software.amazon."));
  }

  @Test
  void anEditedRulesFolderIsCachedInXdgCacheHomeAndGivesTheSameReport() throws Exception {
    Path rules = tmp.resolve("rules");
    copy(Path.of("rules"), rules);
    Path ranking = rules.resolve("ranking/ranking.drl");
    Files.writeString(ranking, Files.readString(ranking) + "\n// edited\n");
    Map<String, String> env = Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString(), "HOME", tmp.toString());

    String builtIn = run(env, "diagnose", SAMPLE.toString(), "--format", "json");
    String first = run(env, "diagnose", SAMPLE.toString(), "--rules", rules.toString(), "--format", "json");
    List<Path> cached = list(tmp.resolve("xdg/tokendoctor"));
    String second = run(env, "diagnose", SAMPLE.toString(), "--rules", rules.toString(), "--format", "json");
    String fromEnv = run(Map.of("XDG_CACHE_HOME", tmp.resolve("xdg").toString(), "HOME", tmp.toString(),
        "TOKENDOCTOR_RULES", rules.toString()), "diagnose", SAMPLE.toString(), "--format", "json");

    assertThat(cached).extracting(p -> p.getFileName().toString().replaceAll("-[0-9a-f]{64}", ""))
        .as("the whole knowledge base, compiled once (file-by-file compiling is off, see KnowledgeBases), and the"
            + " user's key that seals the cache's files (TrustedCacheFolder)")
        .containsExactlyInAnyOrder("kb.bin", "mac.key");
    assertThat(list(tmp.resolve("xdg/tokendoctor"))).as("a hit writes nothing").isEqualTo(cached);
    assertThat(first).contains("SESSION_TOKEN_MISSING").isEqualTo(builtIn).isEqualTo(second).isEqualTo(fromEnv);
  }

  private String run(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliContext ctx = new CliContext(new ByteArrayInputStream(new byte[0]), new PrintWriter(out), new PrintWriter(err),
        env, tmp, tmp, Clock.systemUTC(), false);
    int code = Main.run(ctx, args);
    assertThat(err.toString()).isEmpty();
    assertThat(code).isEqualTo(1);
    return out.toString();
  }

  private static List<Path> list(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private static void copy(Path from, Path to) throws IOException {
    dev.tokendoctor.TestTrees.copy(from, to);
  }
}
