package org.kslim.cli;

import java.io.PrintWriter;
import org.kslim.KslimException;
import picocli.CommandLine;

/**
 * Turns an exception from a command into one line on stderr and an exit code: a
 * {@link KslimException} gives its own message and code; anything else is a bug in kslim and
 * says so (exit 70). {@code KSLIM_DEBUG=1} or {@code --debug} adds the stack trace.
 */
final class ErrorHandler implements CommandLine.IExecutionExceptionHandler {
  static final int INTERNAL_ERROR = 70;

  @Override
  public int handleExecutionException(Exception e, CommandLine commandLine, CommandLine.ParseResult parseResult) {
    PrintWriter err = commandLine.getErr();
    boolean debug = "1".equals(System.getenv("KSLIM_DEBUG")) || parseResult.hasMatchedOption("--debug");
    if (e instanceof KslimException kslim) {
      err.println("kslim: " + kslim.getMessage());
      if (debug) {
        e.printStackTrace(err);
      }
      err.flush();
      return kslim.exitCode();
    }
    err.println("kslim: internal error: " + e + " (please report it; rerun with KSLIM_DEBUG=1 for details)");
    if (debug) {
      e.printStackTrace(err);
    }
    err.flush();
    return INTERNAL_ERROR;
  }
}
