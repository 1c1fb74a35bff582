package dev.tokendoctor.authoring;

import dev.tokendoctor.engine.RuleSource;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.engine.SourceFile;
import dev.tokendoctor.scenario.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The rules an authoring command works on, and the samples their scenarios name. Rules come from
 * {@code --rules DIR}, else {@code TOKENDOCTOR_RULES}, else the jar (as for every command); samples from
 * {@code --samples DIR}, else the {@code facts-samples/} folder beside the rules folder (a checkout, or a copy
 * of one), else the jar.
 *
 * @param source the rules, their files named as the person typed the folder ({@code rules/x/ID.drl:12})
 * @param samples the samples
 */
public record RulesFolder(RuleSource source, Samples samples) {

  /** The sample folder's name beside a rules folder. */
  public static final String SAMPLES = "facts-samples";

  /**
   * @param rulesOption {@code --rules}, as typed, or {@code null}
   * @param samplesOption {@code --samples}, as typed, or {@code null}
   * @param env the environment ({@code TOKENDOCTOR_RULES})
   * @param workingDir what relative paths are relative to
   */
  public static RulesFolder resolve(Path rulesOption, Path samplesOption, Map<String, String> env, Path workingDir)
      throws RulesException {
    Path typed = rulesOption;
    if (typed == null && env.get("TOKENDOCTOR_RULES") != null && !env.get("TOKENDOCTOR_RULES").isBlank()) {
      typed = Path.of(env.get("TOKENDOCTOR_RULES"));
    }
    RuleSource source;
    Samples samples;
    if (typed == null) {
      source = RuleSource.shipped();
      samples = Samples.shipped();
    } else {
      Path dir = workingDir.resolve(typed).normalize();
      source = named(RuleSource.fromDirectory(dir), typed.toString());
      Path beside = dir.getParent() == null ? null : dir.getParent().resolve(SAMPLES);
      samples = beside != null && Files.isDirectory(beside) ? Samples.folder(beside) : Samples.shipped();
    }
    if (samplesOption != null) {
      Path dir = workingDir.resolve(samplesOption).normalize();
      if (!Files.isDirectory(dir)) {
        throw new RulesException(samplesOption + ": not a folder of sample bundles");
      }
      samples = Samples.folder(dir);
    }
    return new RulesFolder(source, samples);
  }

  /** The same files, shown under the name the person typed, so messages read {@code rules/x/ID.drl:12}. */
  static RuleSource named(RuleSource source, String typed) {
    String shown = typed.replace('\\', '/').replaceAll("/+$", "");
    if (shown.isEmpty()) {
      shown = ".";
    }
    String root = shown;
    return new RuleSource(root, source.files().stream()
        .map(f -> new SourceFile(f.relativePath(), root + "/" + f.relativePath(), f.text())).toList());
  }
}
