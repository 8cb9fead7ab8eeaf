package org.kslim.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.kslim.UsageException;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import org.kslim.history.Build;
import org.kslim.history.BuildDiff;
import org.kslim.report.HistoryJson;
import org.kslim.report.BuildDiffText;
import org.kslim.size.SizeCache;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kslim diff OLD NEW [--policy FILE] [--db URL] [--json]}: what changed between two builds, each a
 * kernel package (split by the policy) or a recorded {@code build:ID}.
 *
 * <pre>{@code
 * kslim diff build:3 linux-image-6.1.0-56-cloud-amd64.deb --policy policies/cloud.yaml
 * }</pre>
 */
@Command(name = "diff", mixinStandardHelpOptions = true,
    description = "Compare two builds (kernel packages or recorded build:ID) per package, subsystem and module.")
final class DiffCommand implements Callable<Integer> {
  private static final String BUILD = "build:";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "a kernel package or build:ID")
  String older;

  @Parameters(index = "1", paramLabel = "NEW", description = "a kernel package or build:ID")
  String newer;

  @Option(names = "--policy", paramLabel = "FILE", description = "the policy to split packages by (default: the shipped policies/cloud.yaml)")
  Path policy;

  @Mixin HistoryOptions history;

  @Mixin OutputOptions output;

  @Override
  public Integer call() {
    BuildDiff diff = BuildDiff.between(build(older), build(newer));
    output.print(spec.commandLine().getOut(), () -> HistoryJson.diff(diff), out -> BuildDiffText.print(diff, out));
    return 0;
  }

  private Build build(String side) {
    if (side.startsWith(BUILD)) {
      String id = side.substring(BUILD.length());
      if (!id.matches("[1-9]\\d{0,17}")) {
        throw new UsageException("a recorded build is build:ID with a number ID: " + side);
      }
      return history.open().load(Long.parseLong(id));
    }
    CheckRequest request = CheckRequest.of(Path.of(side), policy)
        .withCacheDirectory(SizeCache.defaultDirectory(Map.copyOf(System.getenv())));
    return AnalysedBuild.of(SplitAnalyzer.analyze(request), request);
  }
}
