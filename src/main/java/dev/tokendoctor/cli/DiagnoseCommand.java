package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.InputFiles;
import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RulesException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "diagnose", mixinStandardHelpOptions = true, description = "Diagnose a fact bundle made by 'tokendoctor collect'.")
final class DiagnoseCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(index = "0", paramLabel = "BUNDLE|-", description = "The bundle file, or - for standard input.")
  String bundle;

  @Option(names = "--rules", paramLabel = "DIR", description = "Use the rules in DIR instead of the built-in ones (also: TOKENDOCTOR_RULES).")
  Path rules;

  @Mixin FormatOption format;
  @Mixin CommonOptions common;

  DiagnoseCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, BundleException, RulesException, RuleFailure, IOException {
    var fmt = format.resolve(ctx);
    List<String> warnings = new ArrayList<>();
    // The rules load while the bundle is read: a one-shot run spends most of its time on these two.
    KnowledgeBases.Pending kb = KnowledgeBases.openInBackground(rules == null ? null : ctx.resolve(rules.toString()), ctx.env(),
        ctx.workingDir(), ctx.knowledgeBases());
    var reply = format.reply(ctx, rules == null ? null : ctx.resolve(rules.toString()));
    FactBundle facts = read(bundle, warnings);
    Diagnoser diagnoser = new Diagnoser(kb.get());
    Diagnosis d = diagnoser.diagnose(facts);
    ctx.out().print(Reports.of(diagnoser.knowledgeBase(), facts, d, warnings, common.verbose, reply).render(fmt));
    ctx.out().flush();
    return ExitCodes.of(d.verdict());
  }

  private FactBundle read(String name, List<String> warnings) throws BundleException, UsageException, IOException {
    BundleCodec codec = new BundleCodec();
    if ("-".equals(name) || name.equals(ctx.stdinFor())) {
      return codec.read(ctx.stdin(), "-".equals(name) ? "<stdin>" : name, warnings::add);
    }
    Path p = ctx.resolve(name);
    if (Files.isDirectory(p)) {
      throw new UsageException(name + ": is a folder, not a bundle file");
    }
    String odd = InputFiles.oddKind(p);
    if (odd != null && !InputFiles.isDescriptor(p)) {
      // A FIFO blocks on open until someone writes, a device never ends: neither is a bundle someone attached.
      throw new UsageException(InputFiles.refusal(name, odd));
    }
    try (InputStream in = Files.newInputStream(p)) {
      return codec.read(in, name, warnings::add);
    } catch (NoSuchFileException e) {
      throw new UsageException(name + ": no such file");
    }
  }
}
