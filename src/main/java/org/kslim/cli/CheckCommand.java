package org.kslim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.history.Build;
import org.kslim.history.CreepBreach;
import org.kslim.history.CreepCheck;
import org.kslim.history.HistoryStore;
import org.kslim.history.Recorded;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code kslim check [PACKAGE] [--policy FILE] [--report DIR] [--db URL] [--record]}: the split's
 * budgets and policy checks for CI; with {@code --db} also the policy's creep limits against the
 * recorded builds; with {@code --record} the build is stored. Exit 0 when everything passes, 1
 * when a budget, check or creep limit fails, 2 for bad input.
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

  @Mixin HistoryOptions history;

  @Option(names = "--record", description = "store the build checked in the history (--db, or the default file)")
  boolean record;

  @Override
  public Integer call() {
    SplitAnalysis analysis = SplitAnalyzer.analyze(options.request(), outputs.progress());
    outputs.emit(analysis, report, spec.commandLine().getOut());
    List<CreepBreach> breaches = creep(analysis);
    if (!analysis.passed() || !breaches.isEmpty()) {
      throw new CheckFailedException(analysis.budgets().failures().size() + " budget(s) breached, "
          + analysis.split().violations().size() + " policy violation(s)"
          + (history.url == null ? "" : ", " + breaches.size() + " creep limit(s) breached"));
    }
    return 0;
  }

  /** With --db or --record: the creep limits the build breaks, printed; with --record the build is stored. */
  private List<CreepBreach> creep(SplitAnalysis analysis) {
    if (history.url == null && !record) {
      return List.of();
    }
    HistoryStore store = history.open();
    Build build = AnalysedBuild.of(analysis, options.request());
    List<CreepBreach> breaches = history.url == null ? List.of()
        : CreepCheck.check(store, build, analysis.policy().creepLimits());
    PrintWriter out = spec.commandLine().getOut();
    for (CreepBreach breach : breaches) {
      out.println("creep limit breached: " + breach.describe());
    }
    if (record) {
      Recorded recorded = store.record(build);
      out.printf("%s build:%d in %s%n", recorded.added() ? "recorded" : "already recorded as", recorded.id(),
          store.describe());
    }
    out.flush();
    return breaches;
  }
}
