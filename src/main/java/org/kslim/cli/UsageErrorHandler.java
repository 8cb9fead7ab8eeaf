package org.kslim.cli;

import java.io.PrintWriter;
import org.kslim.KslimException;
import picocli.CommandLine;

/** A command line kslim cannot parse: one line naming the problem, a hint, exit code 2. */
final class UsageErrorHandler implements CommandLine.IParameterExceptionHandler {
  @Override
  public int handleParseException(CommandLine.ParameterException e, String[] args) {
    PrintWriter err = e.getCommandLine().getErr();
    err.println("kslim: " + e.getMessage());
    err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
    err.flush();
    return KslimException.BAD_INPUT;
  }
}
