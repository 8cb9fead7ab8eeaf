package org.kslim.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.kslim.budget.Verdict;
import org.kslim.kmod.Module;
import org.kslim.size.Measure;
import org.kslim.size.PayloadFormat;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

class SplitAnalyzerRealTest {
  @RealKernelTest
  void theShippedCloudPolicyPassesOnDebiansCloudKernel() {
    Path deb = SharedData.kernel(SharedData.CLOUD_DEB);
    SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, Path.of("policies/cloud.yaml")));

    assertThat(analysis.split().violations()).isEmpty();
    assertThat(analysis.budgets().verdicts()).isNotEmpty().allSatisfy(v -> assertThat(v.pass()).as(v.toString()).isTrue());
    assertThat(analysis.passed()).isTrue();

    // installed = the modules' own sizes plus the non-module files core takes as the image package
    long modulesInCore = analysis.modules().modules().stream()
        .filter(m -> analysis.split().packageOf(m.path()).equals("modules-core"))
        .mapToLong(Module::storedSize).sum();
    long core = analysis.sizes().get("modules-core").get(Measure.INSTALLED);
    assertThat(core).isGreaterThan(modulesInCore);
    long modules = analysis.sizes().get("modules").get(Measure.INSTALLED);
    long extra = analysis.sizes().get("modules-extra").get(Measure.INSTALLED);
    long allModules = analysis.modules().modules().stream().mapToLong(Module::storedSize).sum();
    assertThat(modules + extra + modulesInCore).isEqualTo(allModules);
    // a Debian input is measured as the deb it would become: xz -6 payloads
    assertThat(analysis.sizes().get("modules-core").format()).isEqualTo(PayloadFormat.DEB);
    assertThat(analysis.sizes().get("modules-core").compressor().algorithm()).isEqualTo("xz");
    for (Verdict verdict : analysis.budgets().verdicts()) {
      assertThat(verdict.actual()).isEqualTo(analysis.sizes().get(verdict.pkg()).get(verdict.measure()));
    }
  }
}
