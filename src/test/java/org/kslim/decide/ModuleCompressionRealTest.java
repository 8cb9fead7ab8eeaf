package org.kslim.decide;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.Progress;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.source.Compression;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/**
 * Module compression both ways on Debian's 6.1 cloud kernel (modules shipped uncompressed) with the
 * shipped policy: compressing every module with xz as {@code make modules_install} does shrinks
 * each package's installed size but not its compressed package, which the payload's xz already
 * squeezed harder across files; the estimate holds the exact figure within its bound.
 */
class ModuleCompressionRealTest {
  @TempDir Path dir;

  @RealKernelTest
  void xzModulesShrinkInstalledSizeButNotThePackage() throws IOException {
    CheckRequest request = CheckRequest.of(SharedData.kernel(SharedData.CLOUD_DEB), null)
        .withCacheDirectory(dir.resolve("cache"));
    List<String> warnings = new ArrayList<>();
    SplitAnalysis analysis = SplitAnalyzer.analyze(request, true);
    List<Compression> choices = List.of(Compression.NONE, Compression.XZ, Compression.ZSTD);

    List<ModuleCompressionChoice> estimated = ModuleCompressionWhatIf.evaluate(analysis, request, choices, false,
        Progress.NONE, warnings::add);
    List<ModuleCompressionChoice> exact = ModuleCompressionWhatIf.evaluate(analysis, request, List.of(Compression.XZ),
        true, Progress.NONE, warnings::add);

    ModuleCompressionChoice asIs = estimated.get(0);
    ModuleCompressionChoice none = estimated.get(1);
    ModuleCompressionChoice xz = exact.get(1);
    for (ModuleCompressionChoice.Figures before : asIs.packages()) {
      String pkg = before.pkg();
      ModuleCompressionChoice.Figures after = xz.get(pkg);
      ModuleCompressionChoice.Figures guess = estimated.get(2).get(pkg);
      System.out.printf("%s: as-is %d installed, %d compressed; xz %d installed, %d compressed (estimate %d ±%d);"
          + " zstd %d installed, ~%d compressed%n", pkg, before.installed(), before.compressed(), after.installed(),
          after.compressed(), guess.compressed(), guess.compressedBound(), estimated.get(3).get(pkg).installed(),
          estimated.get(3).get(pkg).compressed());
      assertThat(none.get(pkg).installed()).as(pkg).isEqualTo(before.installed());
      assertThat(guess.installed()).as(pkg).isEqualTo(after.installed());
      assertThat(Math.abs(guess.compressed() - after.compressed())).as(pkg).isLessThanOrEqualTo(guess.compressedBound());
    }
    ModuleCompressionChoice.Figures core = asIs.packages().stream()
        .filter(p -> !analysis.split().modules(p.pkg()).isEmpty()).findFirst().orElseThrow();
    assertThat(xz.get(core.pkg()).installed()).isLessThan(core.installed() / 2);
    assertThat(xz.get(core.pkg()).compressed()).isGreaterThanOrEqualTo(core.compressed());
    assertThat(estimated.get(3).get(core.pkg()).installed()).isLessThan(core.installed() / 2);
    assertThat(warnings).isEmpty();
  }
}
