package dev.tokendoctor.cli;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class CommonOptions {
  @Option(names = "--verbose", description = "Show the ranking's points, the rules that fired, and full error details.")
  boolean verbose;
}
