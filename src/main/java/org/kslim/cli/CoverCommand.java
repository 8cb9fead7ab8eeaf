package org.kslim.cli;

import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.Callable;
import org.kslim.CheckFailedException;
import org.kslim.boot.CoverAnalyzer;
import org.kslim.boot.Coverage;
import org.kslim.boot.CoverageReport;
import org.kslim.boot.HardwareProfile;
import org.kslim.boot.ProfileReader;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Mixin;

/**
 * {@code kslim cover PACKAGE --policy FILE --profile NAME...}: whether the core package binds every
 * device and holds every filesystem and feature of hardware profiles. Exit 1 when one is met only
 * outside core, or not at all.
 *
 * <pre>{@code
 * kslim cover linux-image.deb --policy policies/cloud.yaml --profile aws-nitro --profile gce --json
 * }</pre>
 */
@Command(name = "cover", mixinStandardHelpOptions = true,
    description = "Check that the core package binds every device of hardware profiles (exit 1 when not).")
final class CoverCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Mixin PolicyPackageOptions input;

  @Option(names = "--profile", paramLabel = "NAME", split = ",", required = true,
      description = "a shipped profile (${COMPLETION-CANDIDATES}) or a profile file; repeatable",
      completionCandidates = ShippedProfiles.class)
  List<String> profiles;

  @Option(names = "--json", description = "print JSON (kslim.cover/1) instead of the table")
  boolean json;

  @Override
  public Integer call() {
    List<HardwareProfile> loaded = profiles.stream().map(ProfileReader::load).toList();
    Coverage coverage = CoverAnalyzer.cover(SplitAnalyzer.place(CheckRequest.of(input.packagePath, input.policy)), loaded);
    if (json) {
      spec.commandLine().getOut().print(CoverageReport.json(coverage));
      spec.commandLine().getOut().flush();
    } else {
      CoverageReport.printText(coverage, spec.commandLine().getOut());
    }
    if (!coverage.passed()) {
      throw new CheckFailedException(coverage.failures().size() + " need(s) of the profiles not met by core: "
          + String.join("; ", coverage.failures().stream().map(f -> f.profile() + " " + f.name()).toList()));
    }
    return 0;
  }

  /** The shipped profiles' names, for help and completion. */
  static final class ShippedProfiles implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return ProfileReader.SHIPPED.iterator();
    }
  }
}
