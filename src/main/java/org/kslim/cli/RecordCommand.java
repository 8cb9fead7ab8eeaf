package org.kslim.cli;

import java.util.concurrent.Callable;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.history.Build;
import org.kslim.history.HistoryStore;
import org.kslim.history.Recorded;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code kslim record PACKAGE --policy FILE [--db URL]}: splits and measures a kernel package and
 * stores the build in the size history.
 *
 * <pre>{@code
 * kslim record linux-image-6.1.0-56-cloud-amd64.deb --policy policies/cloud.yaml --db jdbc:postgresql://db/kslim
 * }</pre>
 */
@Command(name = "record", mixinStandardHelpOptions = true,
    description = "Split and measure a kernel package and store the build in the size history.")
final class RecordCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin SplitOptions options;

  @Mixin HistoryOptions history;

  @Override
  public Integer call() {
    SplitAnalysis analysis = SplitAnalyzer.analyze(options.request());
    Build build = AnalysedBuild.of(analysis, options.request());
    HistoryStore store = history.open();
    Recorded recorded = store.record(build);
    spec.commandLine().getOut().printf("%s build:%d %s (%s, %s) in %s%n",
        recorded.added() ? "recorded" : "already recorded as", recorded.id(), build.info().kernelVersion(),
        build.info().flavour(), build.info().architecture(), store.describe());
    spec.commandLine().getOut().flush();
    return 0;
  }
}
