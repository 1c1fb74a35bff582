package dev.tokendoctor.engine;

import java.nio.file.Path;
import java.util.Map;

/**
 * The one place commands get their knowledge base from: {@code --rules DIR}, else {@code TOKENDOCTOR_RULES},
 * else the rules shipped in the jar. Start-up work (caching compiled rules) belongs here.
 */
public final class KnowledgeBases {
  private KnowledgeBases() {}

  public static KnowledgeBase open(Path rulesOption, Map<String, String> env) throws RulesException {
    return KnowledgeBaseLoader.load(RuleSource.resolve(rulesOption, env));
  }
}
