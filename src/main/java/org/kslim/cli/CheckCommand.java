package org.kslim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.history.Build;
import org.kslim.history.HistoryStore;
import org.kslim.history.Recorded;
import org.kslim.report.ReportSections;
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
    CheckRequest request = options.request();
    SplitAnalysis analysis = SplitAnalyzer.analyze(request, outputs.progress());
    // the build hashes the input package: made once, for the trend and creep limits and for recording
    Build build = history.url != null || record ? AnalysedBuild.of(analysis, request) : null;
    ReportSections sections = history.sections(analysis, () -> build);
    outputs.emit(analysis, sections, report, spec.commandLine().getOut());
    if (record) {
      HistoryStore store = history.open();
      Recorded recorded = store.record(build);
      PrintWriter notes = outputs.notes(spec.commandLine().getOut(), spec.commandLine().getErr());
      notes.printf("%s build:%d in %s%n", recorded.added() ? "recorded" : "already recorded as", recorded.id(),
          store.describe());
      notes.flush();
    }
    int creepBreaches = sections.creep().map(c -> c.breaches().size()).orElse(0);
    if (!analysis.passed() || creepBreaches > 0) {
      throw new CheckFailedException(analysis.budgets().failures().size() + " budget(s) breached, "
          + analysis.split().violations().size() + " policy violation(s)"
          + (sections.creep().isEmpty() ? "" : ", " + creepBreaches + " creep limit(s) breached"));
    }
    return 0;
  }
}
