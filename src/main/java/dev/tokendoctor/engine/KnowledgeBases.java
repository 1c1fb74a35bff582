package dev.tokendoctor.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one place commands get their knowledge base from: {@code --rules DIR}, else {@code TOKENDOCTOR_RULES},
 * else the rules shipped in the jar.
 *
 * <p>Compiling DRL costs seconds, so an unchanged knowledge base is never compiled twice. The shipped rules are
 * compiled at build time into the jar ({@link PrecompileRules}); a rules folder is compiled on first use and
 * kept in the user's cache ({@link KnowledgeBaseCache}). Both are found by a {@link KnowledgeBaseKey} made from
 * the rule and table files' content and the tool's build, so an edited file, a new tool or a new Drools means a
 * fresh compile, and a hit is exactly what a fresh compile would give (a folder identical to the shipped rules
 * even uses the jar's copy). Rules that do not compile are never cached, so they are refused every time.
 */
public final class KnowledgeBases {
  private KnowledgeBases() {}

  /** Where an opened knowledge base came from. */
  public enum Origin {
    /** The copy compiled at build time into the jar. */
    BUILT_IN,
    /** The user's cache. */
    CACHE,
    /** Compiled now (and cached when possible). */
    COMPILED
  }

  /**
   * A knowledge base and where it came from.
   *
   * @param knowledgeBase the knowledge base
   * @param origin where it came from
   */
  public record Opened(KnowledgeBase knowledgeBase, Origin origin) {}

  public static KnowledgeBase open(Path rulesOption, Map<String, String> env) throws RulesException {
    return open(RuleSource.resolve(rulesOption, env), KnowledgeBaseCache.forEnvironment(env)).knowledgeBase();
  }

  /** Opens {@code source} through the built-in compiled copy, then {@code cache}, then a compile. */
  public static Opened open(RuleSource source, KnowledgeBaseCache cache) throws RulesException {
    String build = ToolBuild.id();
    if (build == null) {
      return new Opened(KnowledgeBaseLoader.load(source), Origin.COMPILED);
    }
    KnowledgeBaseKey key = KnowledgeBaseKey.of(source, build);
    KnowledgeBase kb = builtIn(key, source);
    if (kb != null) {
      return new Opened(kb, Origin.BUILT_IN);
    }
    kb = cache.read(key, source);
    if (kb != null) {
      return new Opened(kb, Origin.CACHE);
    }
    kb = KnowledgeBaseLoader.load(source);
    cache.write(key, kb);
    return new Opened(kb, Origin.COMPILED);
  }

  /** The jar's compiled copy, when it was compiled from exactly these files by this build. */
  private static KnowledgeBase builtIn(KnowledgeBaseKey key, RuleSource source) {
    byte[] bytes;
    try (InputStream in = KnowledgeBases.class.getClassLoader().getResourceAsStream(ToolBuild.SHIPPED_KB)) {
      if (in == null) {
        return null;
      }
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
