package dev.tokendoctor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tokendoctor.authoring.CatalogEntry;
import dev.tokendoctor.authoring.Cause;
import dev.tokendoctor.authoring.LintReport;
import dev.tokendoctor.authoring.ReferenceDocs;
import dev.tokendoctor.authoring.RuleCatalog;
import dev.tokendoctor.authoring.RuleLinter;
import dev.tokendoctor.authoring.RulesFolder;
import dev.tokendoctor.authoring.TestRun;
import dev.tokendoctor.engine.KnowledgeBase;
import dev.tokendoctor.engine.KnowledgeBaseCache;
import dev.tokendoctor.engine.KnowledgeBases;
import dev.tokendoctor.engine.RuleProblem;
import dev.tokendoctor.engine.RulesException;
import dev.tokendoctor.scenario.ScenarioFiles;
import dev.tokendoctor.scenario.ScenarioSuite;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tokendoctor rules list|check|test|docs}: the loop a support engineer runs while editing the knowledge
 * base. Every subcommand reads the rules at run time from {@code --rules DIR} (or {@code TOKENDOCTOR_RULES},
 * else the built-in rules), so an edited rule is picked up with no build.
 */
@Command(name = "rules", mixinStandardHelpOptions = true, description = "Work on the knowledge base: list, check, test its rules, and write their reference docs.",
    subcommands = {RulesCommand.ListRules.class, RulesCommand.CheckRules.class, RulesCommand.TestRules.class, RulesCommand.DocsRules.class})
final class RulesCommand implements Runnable {
  @Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: list, check, test or docs");
  }

  /** {@code --rules DIR}, shared by every subcommand. */
  static final class RulesOption {
    @Option(names = "--rules", paramLabel = "DIR", description = "The rules folder to work on (also: TOKENDOCTOR_RULES; default: the built-in rules).")
    Path rules;
  }

  /** {@code --samples DIR}, for the subcommands that read scenario bundles. */
  static final class SamplesOption {
    @Option(names = "--samples", paramLabel = "DIR", description = "Where scenario bundles are (default: facts-samples/ beside the rules folder, else the built-in samples).")
    Path samples;
  }

  private static RulesFolder folder(CliContext ctx, RulesOption rules, SamplesOption samples) throws RulesException {
    return RulesFolder.resolve(rules.rules, samples == null ? null : samples.samples, ctx.env(), ctx.workingDir());
  }

  @Command(name = "list", mixinStandardHelpOptions = true, description = "List the causes the rules conclude: id, title, severity, file, number of scenarios.")
  static final class ListRules implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin RulesOption rules;
    @Option(names = "--format", paramLabel = "text|json", description = "Output format (default: text).")
    String format = "text";

    ListRules(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws RulesException, UsageException, IOException {
      String fmt = format.toLowerCase(Locale.ROOT).strip();
      if (!fmt.equals("text") && !fmt.equals("json")) {
        throw new UsageException("--format must be text or json, not '" + format + "'");
      }
      RuleCatalog catalog = RuleCatalog.of(folder(ctx, rules, null).source());
      if (fmt.equals("json")) {
        ctx.out().println(json(catalog));
      } else {
        ctx.out().print(text(catalog));
      }
      ctx.out().flush();
      return ExitCodes.OK;
    }

    private static String text(RuleCatalog catalog) {
      List<String[]> rows = new ArrayList<>();
      rows.add(new String[] {"ID", "SEVERITY", "SCENARIOS", "FILE", "TITLE"});
      for (CatalogEntry e : catalog.entries()) {
        rows.add(new String[] {e.id(), e.severity(), String.valueOf(e.scenarios()), e.file(), e.title()});
      }
      int[] width = new int[4];
      rows.forEach(r -> {
        for (int i = 0; i < 4; i++) {
          width[i] = Math.max(width[i], r[i].length());
        }
      });
      StringBuilder sb = new StringBuilder();
      for (String[] r : rows) {
        for (int i = 0; i < 4; i++) {
          sb.append(r[i]).append(" ".repeat(width[i] - r[i].length() + 2));
        }
        sb.append(r[4]).append('\n');
      }
      sb.append('\n').append(catalog.entries().size()).append(" cause rules");
      List<Cause> missing = catalog.withoutRule();
      if (!missing.isEmpty()) {
        sb.append("; ").append(missing.size()).append(" causes on ").append(catalog.causes().file()).append(" have no rule yet: ")
            .append(String.join(", ", missing.stream().map(Cause::id).toList()));
      }
      sb.append('\n');
      for (String f : catalog.unreadable()) {
        sb.append(f).append(": cannot be read (run 'tokendoctor rules check')\n");
      }
      return sb.toString();
    }

    private static String json(RuleCatalog catalog) throws IOException {
      ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = mapper.createObjectNode();
      ArrayNode list = root.putArray("rules");
      for (CatalogEntry e : catalog.entries()) {
        ObjectNode o = list.addObject();
        o.put("id", e.id()).put("title", e.title()).put("severity", e.severity()).put("confidence", e.confidence())
            .put("section", e.section()).put("file", e.file()).put("line", e.line()).put("scenarios", e.scenarios());
        o.put("check", e.check());
        e.explains().forEach(o.putArray("explains")::add);
        e.supersedes().forEach(o.putArray("supersedes")::add);
        e.sources().forEach(o.putArray("sources")::add);
      }
      ArrayNode missing = root.putArray("causesWithoutRule");
      catalog.withoutRule().forEach(c -> missing.add(c.id()));
      ArrayNode unreadable = root.putArray("unreadable");
      catalog.unreadable().forEach(unreadable::add);
      return mapper.writeValueAsString(root);
    }
  }

  @Command(name = "check", mixinStandardHelpOptions = true, description = "Compile and lint the rules: each problem as file:line, in plain words. Exit 2 on errors.")
  static final class CheckRules implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin RulesOption rules;
    @Mixin SamplesOption samples;
    @Mixin CommonOptions common;

    CheckRules(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws RulesException {
      RulesFolder folder = folder(ctx, rules, samples);
      LintReport report = RuleLinter.lint(folder.source(), folder.samples());
      printProblems(ctx, report.problems(), common.verbose, false);
      if (report.knowledgeBase() != null) {
        // rules/differential/ is the support team's data too: a typo there is named like one in a rule.
        dev.tokendoctor.differential.Differentials.data(report.knowledgeBase());
      }
      long scenarios = report.scenarios().files().stream().mapToLong(f -> f.scenarios().size()).sum();
      ctx.out().println("rules check: " + folder.source().description() + ": " + report.ruleFiles().size() + " rule files, "
          + report.ruleCount() + " rules, " + scenarios + " scenarios: " + plural(report.errors(), "error") + ", "
          + plural(report.warnings(), "warning"));
      ctx.out().flush();
      if (report.errors() > 0) {
        ctx.err().println("tokendoctor: error: the rules have " + plural(report.errors(), "error") + " (listed above)");
        ctx.err().flush();
        return ExitCodes.BAD_INPUT;
      }
      return ExitCodes.OK;
    }
  }

  @Command(name = "test", mixinStandardHelpOptions = true, description = "Run every scenario and print a pass/fail table. Exit 1 when one fails.")
  static final class TestRules implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin RulesOption rules;
    @Mixin SamplesOption samples;
    @Mixin CommonOptions common;
    @Option(names = "--only", paramLabel = "ID", description = "Run only the scenarios of this cause.")
    String only;
    @Option(names = "--update", description = "Rewrite each cause's golden file (<ID>.expected.md) from what the rules say now, then run the scenarios. Review the change before committing it.")
    boolean update;

    TestRules(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws RulesException, UsageException {
      RulesFolder folder = folder(ctx, rules, samples);
      KnowledgeBase kb;
      try {
        // Through the cache (and the daemon's memory): an unchanged folder gives what a compile would.
        kb = KnowledgeBases.open(folder.source(), KnowledgeBaseCache.forEnvironment(ctx.env()), ctx.knowledgeBases())
            .knowledgeBase();
      } catch (RulesException e) {
        if (e.problems().isEmpty()) {
          throw e;
        }
        printProblems(ctx, e.problems(), common.verbose, true);
        ctx.err().println("tokendoctor: error: the rules do not compile, so no scenario ran (run 'tokendoctor rules check' for every problem)");
        ctx.err().flush();
        return ExitCodes.BAD_INPUT;
      }
      ScenarioSuite suite = ScenarioFiles.read(folder.source());
      TestRun run;
      if (update) {
        java.nio.file.Path dir = rules.rules != null ? ctx.workingDir().resolve(rules.rules)
            : ctx.env().get("TOKENDOCTOR_RULES") != null ? ctx.workingDir().resolve(ctx.env().get("TOKENDOCTOR_RULES")) : null;
        if (dir == null) {
          throw new UsageException("--update writes into a rules folder: name it with --rules DIR (the built-in rules are read-only)");
        }
        java.util.List<String> written = new java.util.ArrayList<>();
        try {
          run = TestRun.update(kb, folder.source(), suite, folder.samples(), only, dir, written);
        } catch (IOException e) {
          throw new UsageException("--update: cannot write a golden file: " + e.getMessage());
        }
        written.forEach(w -> ctx.out().println("wrote " + w));
      } else {
        run = TestRun.run(kb, folder.source(), suite, folder.samples(), only);
      }
      if (only != null && run.results().isEmpty() && run.unreadable().isEmpty()) {
        throw new UsageException("--only " + only + ": no scenario tests it in " + folder.source().description());
      }
      ctx.out().print(run.render(common.verbose));
      ctx.out().flush();
      return run.passed() ? ExitCodes.OK : ExitCodes.PROBLEM;
    }
  }

  @Command(name = "docs", mixinStandardHelpOptions = true, description = "Write the rule author's reference (facts.md, rule-api.md, causes.md) from the code and the rules.")
  static final class DocsRules implements Callable<Integer> {
    private final CliContext ctx;
    @Mixin RulesOption rules;
    @Option(names = "--out", paramLabel = "DIR", description = "Where to write them (default: docs).")
    Path out = Path.of("docs");
    @Option(names = "--check", description = "Write nothing; exit 1 when the files in --out differ from what would be written.")
    boolean check;

    DocsRules(CliContext ctx) {
      this.ctx = ctx;
    }

    @Override
    public Integer call() throws RulesException, IOException {
      RuleCatalog catalog = RuleCatalog.of(folder(ctx, rules, null).source());
      if (!catalog.unreadable().isEmpty()) {
        throw new RulesException(catalog.unreadable().get(0) + ": cannot be read, so the docs would be wrong (run 'tokendoctor rules check')");
      }
      Path dir = ctx.resolve(out.toString());
      Map<String, String> docs = ReferenceDocs.generate(catalog);
      List<String> stale = new ArrayList<>();
      for (Map.Entry<String, String> d : docs.entrySet()) {
        Path file = dir.resolve(d.getKey());
        String now = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
        if (d.getValue().equals(now)) {
          continue;
        }
        stale.add(out.resolve(d.getKey()).toString());
        if (!check) {
          Files.createDirectories(dir);
          Path tmp = Files.createTempFile(dir, "." + d.getKey(), ".tmp");
          Files.writeString(tmp, d.getValue(), StandardCharsets.UTF_8);
          Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
      }
      if (check) {
        ctx.out().println(stale.isEmpty() ? "rules docs: up to date" : "rules docs: out of date: " + String.join(", ", stale)
            + " (run 'tokendoctor rules docs' without --check)");
        ctx.out().flush();
        return stale.isEmpty() ? ExitCodes.OK : ExitCodes.PROBLEM;
      }
      ctx.out().println(stale.isEmpty() ? "rules docs: " + out + " is up to date" : "rules docs: wrote " + String.join(", ", stale));
      ctx.out().flush();
      return ExitCodes.OK;
    }
  }

  /** {@code file:line: error: ...}, with the compiler's own words under each when verbose. */
  static void printProblems(CliContext ctx, List<RuleProblem> problems, boolean verbose, boolean toErr) {
    var w = toErr ? ctx.err() : ctx.out();
    for (RuleProblem p : problems) {
      w.println(p.format());
      if (verbose && !p.original().isBlank()) {
        w.println("    the rule compiler said: " + p.original().strip().replace("\n", "\n    "));
      }
    }
    w.flush();
  }

  private static String plural(long n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
