package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.BundleException;
import dev.tokendoctor.engine.RuleFailure;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.report.ToolVersion;
import java.lang.reflect.Constructor;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/**
 * The command line. {@link #run} is the one entry point: {@code main} only exits with its result, and tests call
 * it in-process with their own context.
 */
@Command(
    name = "tokendoctor",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Tells you why AWS rejected your credentials (InvalidClientTokenId and its look-alikes), and how to fix it.",
    subcommands = {DoctorCommand.class, CollectCommand.class, DiagnoseCommand.class, TriageCommand.class, BatchCommand.class, RulesCommand.class,
        DaemonCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:no problem found",
      "1:at least one finding of severity error",
      "2:bad usage or bad input (unreadable bundle, rules that do not compile)",
      "3:internal error"
    })
public final class Main implements java.util.concurrent.Callable<Integer> {

  public static void main(String[] args) {
    System.exit(run(CliContext.system(), args));
  }

  /** Runs one command line and returns the exit code; never calls {@code System.exit}. */
  public static int run(CliContext ctx, String... args) {
    CommandLine cl = new CommandLine(new Main(), new Factory(ctx));
    withHelp(cl);
    cl.setOut(ctx.out());
    cl.setErr(ctx.err());
    cl.setParameterExceptionHandler((ex, a) -> {
      ctx.err().println("tokendoctor: error: " + ex.getMessage().lines().findFirst().orElse("bad usage"));
      ctx.err().println("Run 'tokendoctor " + commandPath(ex.getCommandLine()) + "--help' for usage.");
      ctx.err().flush();
      return ExitCodes.BAD_INPUT;
    });
    cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
      boolean verbose = parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--verbose"))
          || parseResult.hasMatchedOption("--verbose");
      return report(ctx, ex, verbose);
    });
    int code = cl.execute(args);
    ctx.out().flush();
    ctx.err().flush();
    return code;
  }

  static int report(CliContext ctx, Exception ex, boolean verbose) {
    int code;
    if (ex instanceof UsageException || ex instanceof BundleException) {
      ctx.err().println("tokendoctor: error: " + ex.getMessage());
      code = ExitCodes.BAD_INPUT;
    } else if (ex instanceof RulesException re) {
      if (re.problems().isEmpty()) {
        ctx.err().println("tokendoctor: error: " + re.getMessage());
      } else {
        ctx.err().println("tokendoctor: error: the rules do not compile: " + re.getMessage());
        if (verbose) {
          for (RuleProblem p : re.problems()) {
            ctx.err().println(p.format());
            if (!p.original().isBlank()) {
              ctx.err().println("    engine said: " + p.original().replace("\n", "\n    "));
            }
          }
        }
      }
      code = ExitCodes.BAD_INPUT;
    } else if (ex instanceof RuleFailure) {
      ctx.err().println("tokendoctor: error: " + ex.getMessage());
      code = ExitCodes.INTERNAL;
    } else {
      ctx.err().println("tokendoctor: internal error: " + ex + (verbose ? "" : " (run with --verbose for details)"));
      code = ExitCodes.INTERNAL;
    }
    if (verbose && code == ExitCodes.INTERNAL) {
      ex.printStackTrace(ctx.err());
    }
    ctx.err().flush();
    return code;
  }

  /**
   * Every command, and every command added later, answers {@code --help} with its usage (exit 0) rather than
   * complaining about a missing parameter first.
   */
  static void withHelp(CommandLine cl) {
    for (CommandLine sub : cl.getSubcommands().values()) {
      if (!sub.getCommandSpec().mixinStandardHelpOptions()) {
        sub.getCommandSpec().mixinStandardHelpOptions(true);
      }
      withHelp(sub);
    }
  }

  private static String commandPath(CommandLine cl) {
    StringBuilder sb = new StringBuilder();
    for (CommandLine c = cl; c != null && c.getParent() != null; c = c.getParent()) {
      sb.insert(0, c.getCommandName() + " ");
    }
    return sb.toString();
  }

  @picocli.CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getErr().println("tokendoctor: error: a command is needed: "
        + String.join(", ", spec.subcommands().keySet()));
    spec.commandLine().getErr().println("Run 'tokendoctor --help' for usage.");
    return ExitCodes.BAD_INPUT;
  }

  /** Builds commands with the context they need. */
  private record Factory(CliContext ctx) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> cls) throws Exception {
      try {
        Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
        c.setAccessible(true);
        return c.newInstance(ctx);
      } catch (NoSuchMethodException e) {
        return CommandLine.defaultFactory().create(cls);
      }
    }
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {ToolVersion.NAME + " " + ToolVersion.version()};
    }
  }
}
