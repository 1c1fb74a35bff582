package dev.tokendoctor.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.diagnosis.RankedFinding;
import dev.tokendoctor.engine.KnowledgeBases.Opened;
import dev.tokendoctor.engine.KnowledgeBases.Origin;
import dev.tokendoctor.report.Format;
import dev.tokendoctor.report.Report;
import dev.tokendoctor.scenario.ScenarioFile;
import dev.tokendoctor.scenario.ScenarioResult;
import dev.tokendoctor.scenario.ScenarioRunner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A knowledge base read back from its compiled form (the jar's copy or the user's cache) must be the knowledge
 * base a fresh compile gives: same rules, same tables, same diagnosis of every sample; and the cache must never
 * serve rules other than the ones on disk, nor break a run when its files are damaged.
 */
class KnowledgeBaseCacheTest {
  static final Path RULES = Path.of("rules");
  static final Path SAMPLES = Path.of("facts-samples");
  static KnowledgeBase fresh;

  @TempDir Path tmp;

  @BeforeAll
  static void compileFresh() throws Exception {
    fresh = KnowledgeBaseLoader.load(RuleSource.fromDirectory(RULES));
  }

  @Test
  void cachedAndBuiltInKnowledgeBasesDiagnoseEverySampleLikeAFreshCompile() throws Exception {
    Path edited = copyRules(tmp.resolve("rules"));
    appendComment(edited);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(edited), cache).origin()).isEqualTo(Origin.COMPILED);
    Opened cached = KnowledgeBases.open(RuleSource.fromDirectory(edited), cache);
    Opened builtIn = KnowledgeBases.open(RuleSource.shipped(), KnowledgeBaseCache.none());
    assertThat(cached.origin()).isEqualTo(Origin.CACHE);
    assertThat(builtIn.origin()).as("the build step compiles the shipped rules into the classes folder")
        .isEqualTo(Origin.BUILT_IN);

    List<Path> samples = samples();
    assertThat(samples).isNotEmpty();
    for (KnowledgeBase kb : List.of(cached.knowledgeBase(), builtIn.knowledgeBase())) {
      assertThat(kb.rules()).hasSize(fresh.rules().size());
      assertThat(kb.rules()).extracting(RuleInfo::name, RuleInfo::metadata)
          .containsExactlyElementsOf(fresh.rules().stream()
              .map(r -> org.assertj.core.groups.Tuple.tuple(r.name(), r.metadata())).toList());
      assertThat(kb.tableFacts()).containsExactlyElementsOf(fresh.tableFacts());
      for (Path sample : samples) {
        assertThat(json(kb, sample)).as(sample.toString()).isEqualTo(json(fresh, sample));
      }
    }
    assertThat(cached.knowledgeBase().rules()).extracting(RuleInfo::file)
        .allMatch(f -> f.startsWith(edited.toString().replace('\\', '/')));
  }

  @Test
  void everyScenarioPassesOnACachedKnowledgeBase() throws Exception {
    Path edited = copyRules(tmp.resolve("rules"));
    appendComment(edited);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBases.open(RuleSource.fromDirectory(edited), cache);
    Opened cached = KnowledgeBases.open(RuleSource.fromDirectory(edited), cache);
    assertThat(cached.origin()).isEqualTo(Origin.CACHE);
    ScenarioRunner runner = new ScenarioRunner(new Diagnoser(cached.knowledgeBase()), SAMPLES);
    List<ScenarioFile> files = ScenarioRunner.load(RuleSource.fromDirectory(edited));
    int ran = 0;
    for (ScenarioFile f : files) {
      for (int i = 0; i < f.scenarios().size(); i++) {
        ScenarioResult r = runner.run(f, i);
        assertThat(r.failures()).as(f.path() + " scenario " + (i + 1)).isEmpty();
        ran++;
      }
    }
    assertThat(ran).isPositive();
  }

  @Test
  void editingARuleFileInvalidatesTheCache() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    appendComment(rules);
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.COMPILED);
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.CACHE);

    Path rule = rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.drl");
    edit(rule, t -> t.replace("@title(\"A temporary (ASIA) access key is sent without its session token\")",
        "@title(\"Edited title\")"));
    Opened afterEdit = KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    assertThat(afterEdit.origin()).isEqualTo(Origin.COMPILED);
    assertThat(afterEdit.knowledgeBase().rules()).extracting(r -> r.metadata().title()).contains("Edited title");
    assertThat(json(afterEdit.knowledgeBase(), SAMPLES.resolve("session-token-missing.json"))).contains("Edited title");
    Opened again = KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    assertThat(again.origin()).isEqualTo(Origin.CACHE);
    assertThat(again.knowledgeBase().rules()).extracting(r -> r.metadata().title()).contains("Edited title");

    // A change of a single character in a condition counts as much as a new title.
    edit(rule, t -> t.replace("temporary, !tokenPresent", "temporary, tokenPresent"));
    Opened flipped = KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    assertThat(flipped.origin()).isEqualTo(Origin.COMPILED);
    assertThat(findingIds(flipped.knowledgeBase(), SAMPLES.resolve("session-token-missing.json")))
        .doesNotContain("SESSION_TOKEN_MISSING");
    assertThat(findingIds(fresh, SAMPLES.resolve("session-token-missing.json"))).contains("SESSION_TOKEN_MISSING");
  }

  @Test
  void editingATableInvalidatesTheCacheAndEditingAScenarioDoesNot() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    appendComment(rules);
    KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);

    edit(rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.scenarios.json"), t -> t + "\n");
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.CACHE);

    Path table = firstTable(rules);
    edit(table, t -> t + "# a comment line\n");
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.COMPILED);
  }

  @Test
  void aTableErrorIsRefusedEveryTimeAndNeverCached() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    Path table = rules.resolve("tables/credential-lifetimes.csv");
    edit(table, t -> t + "broken,not-a-number,1,https://example.com\n");
    assertThatThrownBy(() -> KnowledgeBases.open(RuleSource.fromDirectory(rules), cache))
        .isInstanceOf(RulesException.class).hasMessageContaining(table.getFileName().toString());
    assertThatThrownBy(() -> KnowledgeBases.open(RuleSource.fromDirectory(rules), cache))
        .isInstanceOf(RulesException.class).hasMessageContaining(table.getFileName().toString());
    assertThat(cacheFiles(cache)).isEmpty();
  }

  @Test
  void rulesThatDoNotCompileAreRefusedEveryTimeAndNeverCached() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    edit(rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.drl"), t -> t.replace("!tokenPresent )", "!tokenPresent"));
    for (int i = 0; i < 2; i++) {
      assertThatThrownBy(() -> KnowledgeBases.open(RuleSource.fromDirectory(rules), cache))
          .isInstanceOf(RulesException.class).hasMessageContaining("SESSION_TOKEN_MISSING.drl");
    }
    assertThat(cacheFiles(cache)).isEmpty();
  }

  @Test
  void aCorruptCacheFileIsIgnoredAndReplaced() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    List<Path> files = cacheFiles(cache);
    assertThat(files).hasSize(1);
    Path file = files.get(0);
    byte[] sound = Files.readAllBytes(file);

    List<UnaryOperator<byte[]>> damages = List.of(
        b -> new byte[0],
        b -> "not a knowledge base".getBytes(StandardCharsets.UTF_8),
        b -> java.util.Arrays.copyOf(b, b.length / 2),
        b -> flip(b, b.length - 10),
        b -> flip(b, 12),
        b -> flip(b, 80),
        b -> flip(b, 5),
        b -> java.util.Arrays.copyOf(b, b.length + 3));
    for (UnaryOperator<byte[]> damage : damages) {
      Files.write(file, damage.apply(sound.clone()));
      Opened opened = KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
      assertThat(opened.origin()).isEqualTo(Origin.COMPILED);
      assertThat(json(opened.knowledgeBase(), SAMPLES.resolve("session-token-missing.json")))
          .isEqualTo(json(fresh, SAMPLES.resolve("session-token-missing.json")));
      assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin())
          .as("the damaged file was replaced by a sound one").isEqualTo(Origin.CACHE);
    }
  }

  @Test
  void packagesThatPassTheChecksumButDoNotDeserializeAreIgnored() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    RuleSource source = RuleSource.fromDirectory(rules);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBaseKey key = KnowledgeBaseKey.of(source, ToolBuild.id());
    byte[] garbage = "rO0 not java serialization".getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream file = new java.io.ByteArrayOutputStream();
    try (java.io.DataOutputStream out = new java.io.DataOutputStream(file)) {
      out.write(new byte[] {'T', 'D', 'K', 'B'});
      out.writeInt(KnowledgeBaseKey.FORMAT);
      out.writeUTF(key.hex());
      out.writeInt(garbage.length);
      out.writeLong(CompiledKnowledgeBase.crc(garbage));
      out.write(garbage);
    }
    Files.createDirectories(cache.dir());
    Files.write(cache.fileFor(key), file.toByteArray());
    assertThatThrownBy(() -> CompiledKnowledgeBase.read(file.toByteArray(), key, source))
        .isInstanceOf(CompiledKnowledgeBase.Unusable.class).hasMessageContaining("deserialize");
    assertThat(KnowledgeBases.open(source, cache).origin()).isEqualTo(Origin.COMPILED);
    assertThat(KnowledgeBases.open(source, cache).origin()).isEqualTo(Origin.CACHE);
  }

  // ---- who may have written what is deserialized (issue 15 point 16)

  @Test
  void aCompiledBaseThatThisUsersCacheDidNotSealIsNeverDeserialized() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    RuleSource source = RuleSource.fromDirectory(rules);
    KnowledgeBaseKey key = KnowledgeBaseKey.of(source, ToolBuild.id());
    KnowledgeBaseCache other = KnowledgeBaseCache.in(tmp.resolve("another-cache"));
    KnowledgeBaseCache mine = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBases.open(source, other);
    KnowledgeBases.open(RuleSource.fromDirectory(RULES), mine);
    KnowledgeBases.open(source, mine);
    // A sound file of another cache (another key), and the bare serialized form: both well-formed, neither sealed here.
    for (byte[] planted : List.of(Files.readAllBytes(other.fileFor(key)), CompiledKnowledgeBase.write(key, fresh))) {
      Files.write(mine.fileFor(key), planted);
      assertThat(KnowledgeBases.open(source, mine).origin()).isEqualTo(Origin.COMPILED);
      assertThat(KnowledgeBases.open(source, mine).origin()).as("replaced by a sealed one").isEqualTo(Origin.CACHE);
    }
  }

  @Test
  void aCacheFolderOthersMayWriteIsMadePrivateAndTheKeyIsOnlyTheUsers() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    Path dir = Files.createDirectories(tmp.resolve("cache"));
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(dir);
    KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir))).isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("mac.key")))).isEqualTo("rw-------");
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.CACHE);

    // A key others can read is no key: nothing is read with it.
    Files.setPosixFilePermissions(dir.resolve("mac.key"), PosixFilePermissions.fromString("rw-r--r--"));
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), KnowledgeBaseCache.in(dir)).origin())
        .isEqualTo(Origin.COMPILED);
  }

  @Test
  void aCacheFolderOrFileThatIsASymbolicLinkIsNotUsed() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    RuleSource source = RuleSource.fromDirectory(rules);
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Path link = Files.createSymbolicLink(tmp.resolve("cache-link"), elsewhere);
    KnowledgeBaseCache viaLink = KnowledgeBaseCache.in(link);
    for (int i = 0; i < 2; i++) {
      assertThat(KnowledgeBases.open(source, viaLink).origin()).isEqualTo(Origin.COMPILED);
    }
    try (Stream<Path> files = Files.list(elsewhere)) {
      assertThat(files).isEmpty();
    }

    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBases.open(source, cache);
    Path file = cache.fileFor(KnowledgeBaseKey.of(source, ToolBuild.id()));
    Path real = Files.move(file, tmp.resolve("kb-real.bin"));
    Files.createSymbolicLink(file, real);
    assertThat(KnowledgeBases.open(source, cache).origin()).isEqualTo(Origin.COMPILED);
  }

  @Test
  void aCompiledBaseIsNotReadUnderAnotherKey() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    RuleSource source = RuleSource.fromDirectory(rules);
    KnowledgeBaseKey key = KnowledgeBaseKey.of(source, ToolBuild.id());
    byte[] bytes = CompiledKnowledgeBase.write(key, fresh);
    KnowledgeBaseKey otherBuild = KnowledgeBaseKey.of(source, "another build");
    assertThat(otherBuild).isNotEqualTo(key);
    assertThatThrownBy(() -> CompiledKnowledgeBase.read(bytes, otherBuild, source))
        .isInstanceOf(CompiledKnowledgeBase.Unusable.class);
    assertThat(CompiledKnowledgeBase.read(bytes, key, source).rules()).hasSize(fresh.rules().size());
  }

  @Test
  void theKeyIsTheContentNotTheFolder() throws Exception {
    Path a = copyRules(tmp.resolve("a"));
    Path b = copyRules(tmp.resolve("b/nested"));
    assertThat(KnowledgeBaseKey.of(RuleSource.fromDirectory(a), "x"))
        .isEqualTo(KnowledgeBaseKey.of(RuleSource.fromDirectory(b), "x"));
    Files.move(b.resolve("temporary-credentials"), b.resolve("moved"));
    assertThat(KnowledgeBaseKey.of(RuleSource.fromDirectory(a), "x"))
        .as("a file's path inside the folder is part of what the rules say (file names in findings)")
        .isNotEqualTo(KnowledgeBaseKey.of(RuleSource.fromDirectory(b), "x"));
  }

  @Test
  void aCacheFolderThatCannotBeWrittenLeavesTheRunWorking() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    Path notAFolder = Files.writeString(tmp.resolve("cache-is-a-file"), "x");
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(notAFolder.resolve("tokendoctor"));
    for (int i = 0; i < 2; i++) {
      Opened opened = KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
      assertThat(opened.origin()).isEqualTo(Origin.COMPILED);
      assertThat(json(opened.knowledgeBase(), SAMPLES.resolve("session-token-missing.json")))
          .isEqualTo(json(fresh, SAMPLES.resolve("session-token-missing.json")));
    }
  }

  @Test
  void concurrentRunsShareOneSoundCacheFile() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    appendComment(rules);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    String expected = json(fresh, SAMPLES.resolve("session-token-missing.json"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> runs = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        Callable<String> run = () -> json(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).knowledgeBase(),
            SAMPLES.resolve("session-token-missing.json"));
        runs.add(pool.submit(run));
      }
      for (Future<String> f : runs) {
        assertThat(f.get()).isEqualTo(expected);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cacheFiles(cache)).hasSize(1);
    try (Stream<Path> all = Files.list(cache.dir())) {
      assertThat(all.filter(p -> p.toString().endsWith(".tmp")).toList()).isEmpty();
    }
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.CACHE);
  }

  @Test
  void oldEntriesArePruned() throws Exception {
    // Pruning is about files, not rules: a one-rule folder keeps the KEEP + 2 compiles cheap.
    Path rules = oneRuleFolder(tmp.resolve("rules"));
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    Path rule = rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.drl");
    for (int i = 0; i < KnowledgeBaseCache.KEEP + 2; i++) {
      int n = i;
      edit(rule, t -> t + "\n// edit " + n + "\n");
      KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    }
    assertThat(cacheFiles(cache)).hasSize(KnowledgeBaseCache.KEEP);
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin())
        .as("the newest entry is kept").isEqualTo(Origin.CACHE);
  }

  @Test
  void aRuleNameTakenByAnotherFileIsRefusedAsByACompile() throws Exception {
    Path rules = synthetic(copyRules(tmp.resolve("rules")), 2);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    // Each file still compiles on its own; only together do they clash.
    edit(rules.resolve("synthetic/SYNTHETIC_RULE_02.drl"), t -> t.replace("rule \"SYNTHETIC_RULE_02\"",
        "rule \"SYNTHETIC_RULE_01\""));
    RulesException expected = null;
    try {
      KnowledgeBaseLoader.load(RuleSource.fromDirectory(rules));
    } catch (RulesException e) {
      expected = e;
    }
    assertThat(expected).as("compiling together refuses a duplicate rule name").isNotNull();
    String message = expected.getMessage();
    assertThatThrownBy(() -> KnowledgeBases.open(RuleSource.fromDirectory(rules), cache))
        .isInstanceOf(RulesException.class).hasMessage(message);
  }

  @Test
  void aFileThatNeedsAnotherFileIsCompiledWithIt() throws Exception {
    Path rules = copyRules(tmp.resolve("rules"));
    Files.writeString(rules.resolve("ranking/shout.drl"), """
        package tokendoctor.rules;
        function String shout(String s) { return s.toUpperCase(); }
        """);
    Files.writeString(rules.resolve("ranking/uses-shout.drl"), """
        package tokendoctor.rules;
        import dev.tokendoctor.facts.*;
        rule "RANK uses a function of another file"
            @kind("ranking")
        when
            Clock()
        then
            shout("x");
        end
        """);
    KnowledgeBaseCache cache = KnowledgeBaseCache.in(tmp.resolve("cache"));
    KnowledgeBase together = KnowledgeBaseLoader.load(RuleSource.fromDirectory(rules));
    Opened opened = KnowledgeBases.open(RuleSource.fromDirectory(rules), cache);
    assertThat(opened.origin()).isEqualTo(Origin.COMPILED);
    assertSame(opened.knowledgeBase(), together);
    assertThat(KnowledgeBases.open(RuleSource.fromDirectory(rules), cache).origin()).isEqualTo(Origin.CACHE);
  }

  private static void assertSame(KnowledgeBase actual, KnowledgeBase expected) throws Exception {
    assertThat(actual.rules()).isEqualTo(expected.rules());
    assertThat(actual.tableFacts()).containsExactlyElementsOf(expected.tableFacts());
    assertThat(loadOrders(actual)).isEqualTo(loadOrders(expected));
    for (Path sample : samples()) {
      assertThat(json(actual, sample)).as(sample.toString()).isEqualTo(json(expected, sample));
    }
  }

  private static Map<String, Integer> loadOrders(KnowledgeBase kb) {
    Map<String, Integer> out = new java.util.TreeMap<>();
    kb.kieBase().getKiePackages().forEach(p -> p.getRules().forEach(r ->
        out.put(r.getName(), ((org.drools.base.definitions.rule.impl.RuleImpl) r).getLoadOrder())));
    return out;
  }

  /** Adds {@code n} renamed copies of the example rule: a folder the size of the knowledge base to come. */
  static Path synthetic(Path rules, int n) throws IOException {
    Path example = rules.resolve("temporary-credentials/SESSION_TOKEN_MISSING.drl");
    String text = Files.readString(example);
    Files.createDirectories(rules.resolve("synthetic"));
    for (int i = 1; i <= n; i++) {
      String id = String.format("SYNTHETIC_RULE_%02d", i);
      Files.writeString(rules.resolve("synthetic/" + id + ".drl"), text.replace("SESSION_TOKEN_MISSING", id));
    }
    return rules;
  }

  @Test
  void theCacheFolderIsXdgCacheHomeElseHomeDotCache() {
    assertThat(KnowledgeBaseCache.forEnvironment(Map.of("XDG_CACHE_HOME", "/x/cache", "HOME", "/home/u")).dir())
        .isEqualTo(Path.of("/x/cache/tokendoctor"));
    assertThat(KnowledgeBaseCache.forEnvironment(Map.of("HOME", "/home/u")).dir())
        .isEqualTo(Path.of("/home/u/.cache/tokendoctor"));
    assertThat(KnowledgeBaseCache.forEnvironment(Map.of("XDG_CACHE_HOME", "relative", "HOME", "/home/u")).dir())
        .as("a relative XDG_CACHE_HOME is invalid and ignored").isEqualTo(Path.of("/home/u/.cache/tokendoctor"));
  }

  // --- helpers

  static List<Path> samples() throws IOException {
    try (Stream<Path> list = Files.list(SAMPLES)) {
      return list.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
  }

  static String json(KnowledgeBase kb, Path sample) throws Exception {
    return new Report(diagnose(kb, sample), List.of(), true).render(Format.JSON);
  }

  static List<String> findingIds(KnowledgeBase kb, Path sample) throws Exception {
    return diagnose(kb, sample).findings().stream().map(RankedFinding::id).toList();
  }

  static Diagnosis diagnose(KnowledgeBase kb, Path sample) throws Exception {
    FactBundle bundle;
    try (InputStream in = Files.newInputStream(sample)) {
      bundle = new BundleCodec().read(in, sample.toString(), w -> {});
    }
    return new Diagnoser(kb).diagnose(bundle);
  }

  /** A rules folder with one cause rule, the cause list and the tables: the smallest knowledge base that loads. */
  static Path oneRuleFolder(Path to) throws IOException {
    Path rule = Path.of("temporary-credentials/SESSION_TOKEN_MISSING.drl");
    Files.createDirectories(to.resolve(rule).getParent());
    Files.copy(RULES.resolve(rule), to.resolve(rule));
    Files.copy(RULES.resolve("causes.csv"), to.resolve("causes.csv"));
    dev.tokendoctor.TestTrees.copy(RULES.resolve("tables"), to.resolve("tables"));
    return to;
  }

  static Path copyRules(Path to) throws IOException {
    return dev.tokendoctor.TestTrees.copy(RULES, to);
  }

  /** A comment changes the key but not the rules: the copy is compiled, not taken from the jar. */
  static void appendComment(Path rules) throws IOException {
    edit(rules.resolve("ranking/ranking.drl"), t -> t + "\n// a copy for a test\n");
  }

  static void edit(Path file, UnaryOperator<String> change) throws IOException {
    String before = Files.readString(file);
    String after = change.apply(before);
    assertThat(after).as("the edit of " + file + " changes it").isNotEqualTo(before);
    Files.writeString(file, after);
  }

  static Path firstTable(Path rules) throws IOException {
    try (Stream<Path> list = Files.list(rules.resolve("tables"))) {
      return list.filter(p -> p.toString().endsWith(".csv")).sorted().findFirst().orElseThrow();
    }
  }

  /** The cached knowledge bases. */
  static List<Path> cacheFiles(KnowledgeBaseCache cache) throws IOException {
    return cacheFiles(cache, "kb-");
  }

  static List<Path> cacheFiles(KnowledgeBaseCache cache, String prefix) throws IOException {
    if (!Files.isDirectory(cache.dir())) {
      return List.of();
    }
    try (Stream<Path> list = Files.list(cache.dir())) {
      return list.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".bin")).toList();
    }
  }

  static byte[] flip(byte[] b, int at) {
    b[at] ^= 0x5A;
    return b;
  }
}
