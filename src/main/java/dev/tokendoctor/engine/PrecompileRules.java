package dev.tokendoctor.engine;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Build step (run by Maven after compiling, see the pom): compiles the shipped rules, exactly as they are copied
 * into the classes folder, and writes them there in compiled form with the build id, so that they end up in the
 * jar and a run with the shipped rules never compiles DRL. Fails the build when the shipped rules do not compile.
 *
 * <p>Usage: {@code PrecompileRules CLASSES_DIR}
 */
public final class PrecompileRules {
  private PrecompileRules() {}

  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: PrecompileRules CLASSES_DIR");
      System.exit(2);
    }
    Path classes = Path.of(args[0]);
    Path out = classes.resolve(ToolBuild.COMPILED);
    Files.createDirectories(out);
    String build = ToolBuild.digestClasses(classes);
    try {
      RuleSource source = RuleSource.fromDirectory(classes.resolve(RuleSource.SHIPPED));
      KnowledgeBase kb = KnowledgeBaseLoader.load(source);
      KnowledgeBaseKey key = KnowledgeBaseKey.of(source, build);
      writeAtomically(classes.resolve(ToolBuild.SHIPPED_KB), CompiledKnowledgeBase.write(key, kb));
      // batch's knowledge base (no check rules), so that batch with the shipped rules never derives it either.
      KnowledgeBase forRows = CompiledKnowledgeBase.forRows(kb, key);
      writeAtomically(classes.resolve(ToolBuild.SHIPPED_KB_FOR_ROWS),
          CompiledKnowledgeBase.write(key.forRows(), forRows));
      ShippedIndex.write(source, classes);
      writeAtomically(out.resolve("build-id"), (build + "\n").getBytes(StandardCharsets.US_ASCII));
      System.out.println("tokendoctor: compiled " + kb.rules().size() + " shipped rules into " + out);
    } catch (CompiledKnowledgeBase.Unusable e) {
      System.err.println("tokendoctor: the shipped rules cannot be copied without their checks: " + e.getMessage());
      System.exit(1);
    } catch (RulesException e) {
      System.err.println("tokendoctor: the shipped rules do not compile: " + e.getMessage());
      e.problems().forEach(p -> System.err.println(p.format()));
      System.exit(1);
    }
  }

  private static void writeAtomically(Path target, byte[] bytes) throws IOException {
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes);
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
