package dev.tokendoctor.cli;

/** Reading the launcher's trace ({@code bash -x tokendoctor ...}) in process tests. */
final class LauncherTrace {
  private LauncherTrace() {}

  /** The java command line the launcher ran: the last {@code exec} in the trace, or empty. */
  static String execLine(String stderr) {
    return stderr.lines().filter(l -> l.startsWith("+ exec ")).reduce((a, b) -> b).orElse("");
  }
}
