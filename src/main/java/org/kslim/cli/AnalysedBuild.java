package org.kslim.cli;

import java.nio.file.Path;
import java.time.Instant;
import org.kslim.check.CheckRequest;
import org.kslim.check.RunningKernel;
import org.kslim.check.ShippedPolicy;
import org.kslim.check.SplitAnalysis;
import org.kslim.history.Build;
import org.kslim.history.Builds;

/** The build the history keeps of an analysis made for a request. */
final class AnalysedBuild {
  private AnalysedBuild() {}

  static Build of(SplitAnalysis analysis, CheckRequest request) {
    Path input = request.packagePath() != null ? request.packagePath() : RunningKernel.modulesFolder();
    return Builds.of(analysis, input, ShippedPolicy.textOr(request.policyPath()), Instant.now());
  }
}
