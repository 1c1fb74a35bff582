package dev.tokendoctor.engine;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.regex.Pattern;
import org.drools.base.definitions.InternalKnowledgePackage;
import org.drools.base.rule.TypeDeclaration;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;

/**
 * The one place commands get their knowledge base from: {@code --rules DIR}, else {@code TOKENDOCTOR_RULES},
 * else the rules shipped in the jar.
 *
 * <p>Compiling DRL costs seconds, so an unchanged knowledge base is never compiled twice. The shipped rules are
 * compiled at build time into the jar ({@link PrecompileRules}); a rules folder is compiled on first use and
 * kept in the user's cache ({@link KnowledgeBaseCache}), whole and file by file, so that the first run after an
 * edit compiles only the edited file. All of it is found by {@link KnowledgeBaseKey}s made from the rule and
 * table files' content and the tool's build: an edited file, a new tool or a new Drools means a compile, and a
 * hit is exactly what a fresh compile would give (a folder identical to the shipped rules even uses the jar's
 * copy). Rules that do not compile are never cached, so they are refused every time, with the same messages.
 */
public final class KnowledgeBases {
  /**
   * Off: measured on Drools 10.2.0, a knowledge base assembled from packages compiled file by file and then
   * serialized reads back with constraints whose MVEL evaluator is null (NullPointerException on the first
   * bundle that reaches them, e.g. TEMP_CREDENTIALS_EXPIRED.check on an SSO machine). A whole compile
   * serializes soundly (the built-in copy, and the cache, are tested on every scenario).
   */
  static final boolean COMPILE_BY_FILE = false;

  private KnowledgeBases() {}

  /** Where an opened knowledge base came from. */
  public enum Origin {
    /** The copy compiled at build time into the jar. */
    BUILT_IN,
    /** The user's cache. */
    CACHE,
    /** Compiled now (and cached when possible). */
    COMPILED,
    /** Kept in memory by this process since an earlier command (the daemon). */
    MEMORY
  }

  /**
   * A knowledge base and where it came from.
   *
   * @param knowledgeBase the knowledge base
   * @param origin where it came from
   */
  public record Opened(KnowledgeBase knowledgeBase, Origin origin) {}

  /**
   * The knowledge base a command uses.
   *
   * @param rulesOption {@code --rules}, resolved against the working folder, or {@code null}
   * @param env the environment ({@code TOKENDOCTOR_RULES}, and where the cache is)
   * @param workingDir what a relative {@code TOKENDOCTOR_RULES} is relative to
   * @param memo what this process keeps between commands
   */
  public static KnowledgeBase open(Path rulesOption, Map<String, String> env, Path workingDir, KnowledgeBaseMemo memo)
      throws RulesException {
    return open(RuleSource.resolve(rulesOption, env, workingDir), KnowledgeBaseCache.forEnvironment(env), memo)
        .knowledgeBase();
  }

  /**
   * Starts {@link #open(Path, Map, Path, KnowledgeBaseMemo)} on a background thread, so that a command reads its
   * input meanwhile: at start-up both take a good part of a second, mostly loading classes, and there are two
   * cores.
   */
  public static Pending openInBackground(Path rulesOption, Map<String, String> env, Path workingDir,
      KnowledgeBaseMemo memo) {
    FutureTask<KnowledgeBase> task = new FutureTask<>(() -> open(rulesOption, env, workingDir, memo));
    Thread t = new Thread(task, "tokendoctor-knowledge-base");
    t.setDaemon(true);
    t.start();
    return new Pending(task);
  }

  /** A knowledge base being opened. */
  public static final class Pending {
    private final FutureTask<KnowledgeBase> task;

    private Pending(FutureTask<KnowledgeBase> task) {
      this.task = task;
    }

    /** Waits for it; fails as {@link #open(Path, Map, Path, KnowledgeBaseMemo)} would have. */
    public KnowledgeBase get() throws RulesException {
      try {
        return task.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while loading the rules", e);
      } catch (ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RulesException re) {
          throw re;
        }
        if (cause instanceof RuntimeException re) {
          throw re;
        }
        if (cause instanceof Error err) {
          throw err;
        }
        throw new IllegalStateException(cause);
      }
    }
  }

  /**
   * The knowledge base of {@code batch}: the same rules without what batch rows never show, the {@code .check}
   * rules and the rules that only support a finding with evidence (see {@link CompiledKnowledgeBase#forRows} and
   * {@link Diagnoser#forRows}). Found like the whole one (kept in memory, the
   * jar's copy, the cache) under a key of its own; made from the whole one when none is found.
   */
  public static KnowledgeBase openForRows(Path rulesOption, Map<String, String> env, Path workingDir,
      KnowledgeBaseMemo memo) throws RulesException {
    return openForRows(RuleSource.resolve(rulesOption, env, workingDir), KnowledgeBaseCache.forEnvironment(env),
        memo).knowledgeBase();
  }

  /** {@link #openForRows(Path, Map, Path, KnowledgeBaseMemo)} of {@code source}. */
  public static Opened openForRows(RuleSource source, KnowledgeBaseCache cache, KnowledgeBaseMemo memo)
      throws RulesException {
    String build = ToolBuild.id();
    if (build == null) {
      return new Opened(forRows(KnowledgeBaseLoader.load(source)), Origin.COMPILED);
    }
    KnowledgeBaseKey whole = memo.keyOf(source, build);
    return find(whole.forRows(), source.description() + " for rows", ToolBuild.SHIPPED_KB_FOR_ROWS, source, cache, memo,
        () -> forRows(open(source, cache, memo).knowledgeBase(), whole));
  }

  /** {@code full} for {@code batch}'s rows, not cached (the benchmarks); see {@link #openForRows}. */
  public static KnowledgeBase forRows(KnowledgeBase full) {
    return forRows(full, new KnowledgeBaseKey("uncached"));
  }

  /** {@code full} for {@code batch}'s rows; a full base that cannot be copied is used whole (only slower). */
  static KnowledgeBase forRows(KnowledgeBase full, KnowledgeBaseKey key) {
    try {
      return CompiledKnowledgeBase.forRows(full, key);
    } catch (CompiledKnowledgeBase.Unusable e) {
      return full;
    }
  }

  /** Opens {@code source} through the built-in compiled copy, then {@code cache}, then a compile. */
  public static Opened open(RuleSource source, KnowledgeBaseCache cache) throws RulesException {
    return open(source, cache, KnowledgeBaseMemo.NONE);
  }

  /** Opens {@code source} through {@code memo}, the built-in compiled copy, then {@code cache}, then a compile. */
  public static Opened open(RuleSource source, KnowledgeBaseCache cache, KnowledgeBaseMemo memo) throws RulesException {
    String build = ToolBuild.id();
    if (build == null) {
      return new Opened(KnowledgeBaseLoader.load(source), Origin.COMPILED);
    }
    return find(memo.keyOf(source, build), source.description(), ToolBuild.SHIPPED_KB, source, cache, memo, () -> {
      KnowledgeBase kb = compileByFile(source, cache, build);
      return kb != null ? kb : KnowledgeBaseLoader.load(source);
    });
  }

  /** Makes a knowledge base when none is found: compiles it, or derives it from another. */
  private interface Make {
    KnowledgeBase make() throws RulesException;
  }

  /**
   * The knowledge base of {@code key}: kept in {@code memo} (in {@code slot}), else the jar's compiled copy
   * ({@code shipped}), else {@code cache}, else made by {@code make} and written to the cache.
   */
  private static Opened find(KnowledgeBaseKey key, String slot, String shipped, RuleSource source,
      KnowledgeBaseCache cache, KnowledgeBaseMemo memo, Make make) throws RulesException {
    KnowledgeBase kb = memo.get(key);
    if (kb != null) {
      return new Opened(kb, Origin.MEMORY);
    }
    Origin origin = Origin.BUILT_IN;
    kb = builtIn(key, source, shipped);
    if (kb == null) {
      origin = Origin.CACHE;
      kb = cache.read(key, source);
    }
    if (kb == null) {
      origin = Origin.COMPILED;
      kb = make.make();
      cache.write(key, kb);
    }
    memo.put(key, kb, slot);
    return new Opened(kb, origin);
  }

  /**
   * Compiles each rule file on its own, taking those compiled before from the cache, so that the first run after
   * an edit compiles only the edited file. Returns {@code null} whenever the result might differ from compiling
   * the files together: then they are compiled together, which also reports any error the authoritative way.
   * Compiled alone, a file that uses another file's function, type, global or query does not compile, and two
   * files with the same rule name each compile; so both, and files that declare such things at all (the house
   * style has none), go the whole way. Rule order is kept: files are merged in path order, and Drools numbers
   * rules (their load order, which breaks ties between activations) within each file anyway.
   */
  private static KnowledgeBase compileByFile(RuleSource source, KnowledgeBaseCache cache, String build) {
    if (!cache.enabled() || !COMPILE_BY_FILE) {
      return null;
    }
    List<KiePackage> packages = new ArrayList<>();
    Set<String> ruleNames = new HashSet<>();
    for (SourceFile f : source.ruleFiles()) {
      if (DECLARE.matcher(f.text()).find()) {
        return null;
      }
      KnowledgeBaseKey key = KnowledgeBaseKey.ofRuleFile(f, build);
      Collection<KiePackage> compiled = cache.readRuleFile(key);
      if (compiled == null) {
        compiled = KnowledgeBaseLoader.compilePackages(source, List.of(f), new ArrayList<>());
        if (compiled == null) {
          return null;
        }
        cache.writeRuleFile(key, compiled);
      }
      for (KiePackage pkg : compiled) {
        if (!standsAlone(pkg)) {
          return null;
        }
        for (Rule rule : pkg.getRules()) {
          if (!ruleNames.add(pkg.getName() + "\u0000" + rule.getName())) {
            return null;
          }
        }
        packages.add(pkg);
      }
    }
    try {
      return CompiledKnowledgeBase.assemble(packages, source);
    } catch (CompiledKnowledgeBase.Unusable e) {
      return null;
    }
  }

  /**
   * Whether a file's package means the same alone as with the other files: no functions, globals, queries or
   * declared types (Drools records every fact class a rule uses as a type declaration too; those are harmless).
   */
  private static boolean standsAlone(KiePackage pkg) {
    if (!pkg.getFunctionNames().isEmpty() || !pkg.getGlobalVariables().isEmpty() || !pkg.getQueries().isEmpty()) {
      return false;
    }
    if (pkg instanceof InternalKnowledgePackage internal) {
      return internal.getTypeDeclarations().values().stream()
          .noneMatch(t -> t.isNovel() || t.getNature() == TypeDeclaration.Nature.DEFINITION);
    }
    return false;
  }

  /** A {@code declare} may also add metadata to an existing class, which only a compile of all files merges. */
  private static final Pattern DECLARE = Pattern.compile("(?m)^\\s*declare\\b");

  /** The jar's compiled copy, when it was compiled from exactly these files by this build. */
  private static KnowledgeBase builtIn(KnowledgeBaseKey key, RuleSource source, String resource) {
    byte[] bytes;
    InputStream raw = KnowledgeBases.class.getClassLoader().getResourceAsStream(resource);
    if (raw == null) {
      return null;
    }
    try (InputStream in = new BufferedInputStream(raw)) {
      // Most folders are not the shipped rules: look at the key before reading the whole compiled base.
      in.mark(1024);
      if (!CompiledKnowledgeBase.compiledUnder(in, key)) {
        return null;
      }
      in.reset();
      bytes = in.readAllBytes();
    } catch (IOException e) {
      return null;
    }
    try {
      return CompiledKnowledgeBase.read(bytes, key, source);
    } catch (CompiledKnowledgeBase.Unusable e) {
      return null;
    }
  }
}
