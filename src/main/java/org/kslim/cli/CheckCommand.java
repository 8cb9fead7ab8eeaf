package org.kslim.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kslim check [PACKAGE] [--policy FILE] [--report DIR]}: the split's budgets and policy
 * checks for CI. Exit 0 when everything passes, 1 when a budget or check fails, 2 for bad input.
 *
 * <pre>{@code
 * kslim check linux-image.deb --policy policies/cloud.yaml --report out/ --junit kslim-junit.xml
 * }</pre>
 */
@Command(name = "check", mixinStandardHelpOptions = true,
    description = "Check a kernel package's split against its policy's budgets and rules (exit 1 on failure).")
final class CheckCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Mixin ReportOptions outputs;

  @Option(names = "--report", paramLabel = "DIR", description = "also write DIR/report.json and DIR/report.html")
  Path report;

  @Override
  public Integer call() {
    SplitAnalysis analysis = SplitAnalyzer.analyze(options.request(), outputs.progress());
    outputs.emit(analysis, report, spec.commandLine().getOut());
    if (!analysis.passed()) {
      throw new CheckFailedException(analysis.budgets().failures().size() + " budget(s) breached, "
          + analysis.split().violations().size() + " policy violation(s)");
    }
    return 0;
  }
}
