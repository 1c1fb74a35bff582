package dev.tokendoctor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every command and subcommand, those added later included, answers {@code --help} with its usage and exit 0,
 * never with "Missing required parameter". The commands are read from the usage itself, not listed here.
 */
class EveryCommandHelpTest {
  @Test
  void everySubcommandPrintsItsUsageOnHelp() {
    List<String> checked = new ArrayList<>();
    walk(List.of(), checked);
    assertThat(checked).contains("batch", "diagnose", "doctor", "collect", "rules test", "daemon stop");
  }

  private static void walk(List<String> path, List<String> checked) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    CliRun r = CliRun.of(args.toArray(String[]::new));
    String name = String.join(" ", path);
    assertThat(r.exitCode()).as(name + " --help: " + r.err()).isZero();
    assertThat(r.err()).as(name).isEmpty();
    assertThat(r.out()).as(name).startsWith("Usage: tokendoctor" + (path.isEmpty() ? "" : " " + name));
    if (!path.isEmpty()) {
      checked.add(name);
    }
    int at = r.out().indexOf("\nCommands:\n");
    if (at < 0) {
      return;
    }
    for (String line : r.out().substring(at + "\nCommands:\n".length()).split("\n")) {
      if (line.isBlank() || !line.startsWith("  ") || line.startsWith("    ")) {
        if (line.isBlank() || !line.startsWith(" ")) {
          break;
        }
        continue;
      }
      List<String> sub = new ArrayList<>(path);
      sub.add(line.strip().split("\\s+")[0]);
      walk(sub, checked);
    }
  }
}
