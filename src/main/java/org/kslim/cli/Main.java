package org.kslim.cli;

import org.kslim.KslimException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kslim} command line: parses arguments, calls the library, renders results and maps
 * {@link KslimException} to exit codes. Each subcommand is its own class.
 *
 * <pre>{@code
 * int exit = Main.run(new String[] {"inspect", "linux-image.deb"});
 * }</pre>
 */
@Command(
    name = "kslim",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Split a Linux kernel package into a lean core and optional module packages, under size budgets.",
    subcommands = {CommandLine.HelpCommand.class, InspectCommand.class, DepmodCommand.class, SplitCommand.class, CheckCommand.class,
        CoverCommand.class, BootTestCommand.class, RecordCommand.class, DiffCommand.class, HistoryCommand.class,
        ReportCommand.class, WhatIfCommand.class, SuggestCommand.class, ExplainCommand.class})
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs kslim with {@code args} and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine.execute(args);
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }
}
