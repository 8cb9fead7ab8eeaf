package org.kslim.cli;

import java.util.List;
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
    description = "Split a Linux kernel package into a lean core and optional module packages, under size budgets.")
public final class Main implements Runnable {
  /**
   * The subcommands, in the order help lists them. A run that names one builds only its model:
   * picocli reflects over every option of every command it is given, a tenth of a second of
   * every run's start for all of them.
   */
  static final List<Class<?>> COMMANDS = List.of(CommandLine.HelpCommand.class, InspectCommand.class,
      DepmodCommand.class, SplitCommand.class, CheckCommand.class, CoverCommand.class, BootTestCommand.class,
      RecordCommand.class, DiffCommand.class, HistoryCommand.class, ReportCommand.class, WhatIfCommand.class,
      SuggestCommand.class, ExplainCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs kslim with {@code args} and returns the exit code, without exiting the JVM. */
  public static int run(String... args) {
    CommandLine commandLine = new CommandLine(new Main());
    for (Class<?> command : commandsFor(args)) {
      commandLine.addSubcommand(command);
    }
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setParameterExceptionHandler(new UsageErrorHandler());
    return commandLine.execute(args);
  }

  /** The one command {@code args} start with, or all of them (for help, options, a wrong name). */
  static List<Class<?>> commandsFor(String... args) {
    if (args.length > 0) {
      for (Class<?> command : COMMANDS) {
        Command annotation = command.getAnnotation(Command.class);
        if (annotation != null && annotation.name().equals(args[0]) && command != CommandLine.HelpCommand.class) {
          return List.of(command);
        }
      }
    }
    return COMMANDS;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed");
  }
}
