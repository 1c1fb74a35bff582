package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.diagnosis.Diagnosis;
import dev.tokendoctor.engine.Diagnoser;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.ticket.TicketExtractor;
import dev.tokendoctor.ticket.TicketInput;
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

@Command(name = "triage", description = "Diagnose a support ticket from its text: the errors, commands, files and logs the customer pasted.")
final class TriageCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Parameters(index = "0", arity = "0..1", paramLabel = "FILE|-", description = "The ticket (plain text, Markdown or an e-mail, UTF-8), or - for standard input (the default).")
  String ticket = "-";

  @Option(names = "--rules", paramLabel = "DIR", description = "Use the rules in DIR instead of the built-in ones (also: TOKENDOCTOR_RULES).")
  Path rules;

  @Mixin FormatOption format;
  @Mixin CommonOptions common;

  TriageCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, RulesException, RuleFailure, IOException {
    var fmt = format.resolve(ctx);
    KnowledgeBases.Pending kb = KnowledgeBases.openInBackground(rules == null ? null : ctx.resolve(rules.toString()), ctx.env(),
        ctx.workingDir(), ctx.knowledgeBases());
    var reply = format.reply(ctx, rules == null ? null : ctx.resolve(rules.toString()));
    String name = "-".equals(ticket) ? "<stdin>" : ticket;
    String text;
    try {
      text = TicketInput.decode(read(), name);
    } catch (TicketInput.Unreadable e) {
      throw new UsageException(e.getMessage());
    }
    TicketExtractor.Extraction x = TicketExtractor.extractWithNotes(text, name);
    FactBundle facts = x.bundle();
    List<String> warnings = new ArrayList<>(x.notes());
    Diagnoser diagnoser = new Diagnoser(kb.get());
    Diagnosis d = diagnoser.diagnose(facts);
    ctx.out().print(Reports.of(diagnoser.knowledgeBase(), facts, d, warnings, common.verbose, reply).render(fmt));
    ctx.out().flush();
    return ExitCodes.of(d.verdict());
  }

  /** At most one byte more than a ticket may have, so that a larger one is told apart without reading it all. */
  private byte[] read() throws UsageException, IOException {
    if ("-".equals(ticket)) {
      return ctx.stdin().readNBytes(TicketInput.MAX_BYTES + 1);
    }
    Path p = ctx.resolve(ticket);
    if (Files.isDirectory(p)) {
      throw new UsageException(ticket + ": is a folder, not a ticket file");
    }
    if (Files.exists(p) && !Files.isRegularFile(p)) {
      throw new UsageException(ticket + ": not a regular file (a pipe or a device); pass it on standard input with -");
    }
    try (InputStream in = Files.newInputStream(p)) {
      return in.readNBytes(TicketInput.MAX_BYTES + 1);
    } catch (NoSuchFileException e) {
      throw new UsageException(ticket + ": no such file");
    }
  }
}
