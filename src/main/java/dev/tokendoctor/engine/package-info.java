/**
 * The knowledge base: where rule files come from ({@link dev.tokendoctor.engine.RuleSource}), how they are
 * compiled and checked ({@link dev.tokendoctor.engine.KnowledgeBaseLoader}), and how one bundle is diagnosed
 * ({@link dev.tokendoctor.engine.Diagnoser}). Every command that needs rules loads them through this package,
 * so caching and linting have one place to hook in.
 */
package dev.tokendoctor.engine;
