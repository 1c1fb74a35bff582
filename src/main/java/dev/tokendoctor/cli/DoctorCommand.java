package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.collect.FactCollector;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RulesException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "doctor", mixinStandardHelpOptions = true, description = "Collect the facts of this machine and diagnose them in one step.")
final class DoctorCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CollectOptions options;
  @Mixin FormatOption format;
  @Mixin CommonOptions common;

  @Option(names = "--save-bundle", paramLabel = "FILE", description = "Also keep the redacted bundle in FILE (to attach to a ticket).")
  String saveBundle;

  @Option(names = "--rules", paramLabel = "DIR", description = "Use the rules in DIR instead of the built-in ones (also: TOKENDOCTOR_RULES).")
  Path rules;

  DoctorCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, IOException, BundleException, RulesException, RuleFailure {
    var fmt = format.resolve(ctx);
    var request = options.request();
    var reply = format.reply(ctx, rules == null ? null : ctx.resolve(rules.toString()));
    // Open the rules first: a broken rules folder is bad input, found before any network call.
    Diagnoser diagnoser = new Diagnoser(KnowledgeBases.open(rules == null ? null : ctx.resolve(rules.toString()), ctx.env(),
        ctx.workingDir(), ctx.knowledgeBases()));
    FactCollector collector = new FactCollector();
    FactBundle collected = collector.collect(CollectOptions.machine(ctx), request);
    byte[] json = CollectCommand.BundleJson.write(collected, collector.secrets());
    // Diagnose exactly what a support engineer would read from the saved bundle: doctor = collect + diagnose.
    List<String> warnings = new ArrayList<>();
    FactBundle bundle = new BundleCodec().read(json, "collected bundle", warnings::add);
    if (saveBundle != null) {
      BundleCodec.writeAtomically(ctx.resolve(saveBundle), json);
    }
    Diagnosis d = diagnoser.diagnose(bundle);
    ctx.out().print(collector.secrets().scrub(Reports.of(diagnoser.knowledgeBase(), bundle, d, warnings, common.verbose, reply).render(fmt)));
    ctx.out().flush();
    if (saveBundle != null) {
      ctx.err().println("tokendoctor: bundle saved to " + saveBundle);
      ctx.err().flush();
    }
    return ExitCodes.of(d.verdict());
  }
}
