package org.kslim.cli;

import java.util.Optional;
import java.util.concurrent.Callable;
import org.kslim.history.SizeHistory;
import org.kslim.report.HistoryJson;
import org.kslim.report.SizeHistoryText;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kslim history [--flavour F] [--package P] [--db URL] [--json]}: each package's sizes over the
 * recorded builds, with its budget and the reasons in force.
 *
 * <pre>{@code
 * kslim history --flavour cloud-amd64 --package modules-core
 * }</pre>
 */
@Command(name = "history", mixinStandardHelpOptions = true,
    description = "Show each package's sizes over the recorded builds, with its budget and the reasons in force.")
final class HistoryCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = "--flavour", paramLabel = "F", description = "only builds of this flavour (e.g. cloud-amd64)")
  String flavour;

  @Option(names = "--package", paramLabel = "P", description = "only this split package")
  String pkg;

  @Mixin HistoryOptions history;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    SizeHistory sizes = SizeHistory.of(history.open(), Optional.ofNullable(flavour), Optional.ofNullable(pkg));
    output.print(spec.commandLine().getOut(), () -> HistoryJson.history(sizes), out -> SizeHistoryText.print(sizes, out));
    return 0;
  }
}
