package dev.tokendoctor.cli;

import dev.tokendoctor.bundle.BundleCodec;
import dev.tokendoctor.bundle.FactBundle;
import dev.tokendoctor.collect.FactCollector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "collect", mixinStandardHelpOptions = true, description = "Collect the facts of this machine into a redacted bundle (no secret leaves the machine).")
final class CollectCommand implements Callable<Integer> {
  private final CliContext ctx;

  @Mixin CollectOptions options;
  @Mixin CommonOptions common;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the bundle to FILE (default: standard output).")
  String output;

  CollectCommand(CliContext ctx) {
    this.ctx = ctx;
  }

  @Override
  public Integer call() throws UsageException, IOException {
    var request = options.request();
    FactCollector collector = new FactCollector();
    FactBundle bundle = collector.collect(CollectOptions.machine(ctx), request);
    byte[] json = BundleJson.write(bundle, collector.secrets());
    if (output == null || output.equals("-")) {
      ctx.out().print(new String(json, StandardCharsets.UTF_8));
      ctx.out().flush();
    } else {
      BundleCodec.writeAtomically(ctx.resolve(output), json);
      ctx.err().println("tokendoctor: bundle written to " + output);
      ctx.err().flush();
    }
    return ExitCodes.OK;
  }

  /** The bundle as the JSON that leaves the machine: scrubbed once more of every secret the collection met. */
  static final class BundleJson {
    private BundleJson() {}

    static byte[] write(FactBundle bundle, dev.tokendoctor.collect.Secrets secrets) throws IOException {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      new BundleCodec().write(bundle, buf);
      buf.write('\n');
      String text = buf.toString(StandardCharsets.UTF_8);
      return secrets.scrub(text).getBytes(StandardCharsets.UTF_8);
    }
  }
}
