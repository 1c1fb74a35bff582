package dev.tokendoctor.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a compiled knowledge base depends on, as one SHA-256: every rule, table and template file (path and content), the
 * tool's build (its classes are the rules' vocabulary), the Drools version (the compiled form is Drools'
 * internal serialization) and the Java version. Two sources with the same key compile to the same rules and
 * the same problems, so a compiled base found under this key may stand in for a fresh compile.
 *
 * @param hex the digest in lower-case hex
 */
record KnowledgeBaseKey(String hex) {
  /** Bump when the layout of what is cached changes. */
  static final int FORMAT = 1;

  static KnowledgeBaseKey of(RuleSource source, String toolBuild) {
    MessageDigest sha = start("tokendoctor-knowledge-base", toolBuild);
    for (SourceFile f : source.files()) {
      // Scenario files do not change what the rules compile to; editing them must not cost a compile.
      if (f.isRule() || f.isTable() || f.isTemplates()) {
        field(sha, f.relativePath());
        field(sha, f.text());
      }
    }
    return new KnowledgeBaseKey(HexFormat.of().formatHex(sha.digest()));
  }

  /**
   * The key of the same rules for {@code batch}'s rows (see {@link CompiledKnowledgeBase#forRows}): a knowledge
   * base of its own, cached and shipped beside the whole one.
   */
  KnowledgeBaseKey forRows() {
    MessageDigest sha = sha256();
    field(sha, "tokendoctor-for-rows/" + FORMAT);
    field(sha, hex);
    return new KnowledgeBaseKey(HexFormat.of().formatHex(sha.digest()));
  }

  /** The key of one rule file compiled on its own (see {@link KnowledgeBases}). */
  static KnowledgeBaseKey ofRuleFile(SourceFile file, String toolBuild) {
    MessageDigest sha = start("tokendoctor-rule-file", toolBuild);
    field(sha, file.relativePath());
    field(sha, file.text());
    return new KnowledgeBaseKey(HexFormat.of().formatHex(sha.digest()));
  }

  private static MessageDigest start(String kind, String toolBuild) {
    MessageDigest sha = sha256();
    field(sha, kind + "/" + FORMAT);
    field(sha, toolBuild);
    field(sha, ToolBuild.droolsVersion());
    field(sha, System.getProperty("java.specification.version"));
    return sha;
  }

  /** Length-prefixed, so that no two different lists of fields hash alike. */
  private static void field(MessageDigest sha, String value) {
    byte[] bytes = String.valueOf(value).getBytes(StandardCharsets.UTF_8);
    sha.update(ByteBuffer.allocate(4).putInt(bytes.length).array());
    sha.update(bytes);
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
