package org.kslim.decide;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalysis;
import org.kslim.check.SplitAnalyzer;
import org.kslim.size.Measure;

class SubsystemCutsTest {
  @TempDir static Path dir;
  static SplitAnalysis analysis;

  @BeforeAll
  static void analyze() throws IOException {
    analysis = SplitAnalyzer.analyze(CheckRequest.of(DecideFixtures.tree(dir), DecideFixtures.policy(dir, "1MiB")));
  }

  @Test
  void largestOptionalSubsystemsFirstLeavingOutRequiredAndNeededOnes() {
    List<SubsystemCut> cuts = SubsystemCuts.largest(analysis, 10);

    // drivers/block holds the required virtio_blk; drivers/virtio and lib are needed by modules staying in core
    assertThat(cuts).extracting(SubsystemCut::subsystem).containsExactly("drivers/gpu", "sound", "net");
    SubsystemCut gpu = cuts.get(0);
    assertThat(gpu.selector().text()).isEqualTo("kernel/drivers/gpu");
    assertThat(gpu.outcome().to()).contains("optional");
    assertThat(gpu.outcome().moved()).containsExactly(DecideFixtures.DRM, DecideFixtures.KMS, DecideFixtures.I915);
    long gpuBytes = size(DecideFixtures.DRM) + size(DecideFixtures.KMS) + size(DecideFixtures.I915);
    assertThat(gpu.outcome().change("core").delta(Measure.INSTALLED)).isEqualTo(-gpuBytes);
    assertThat(cuts.get(1).outcome().change("core").delta(Measure.INSTALLED)).isEqualTo(-size(DecideFixtures.SOUND));
  }

  @Test
  void limitCutsTheListAndMustNotBeNegative() {
    assertThat(SubsystemCuts.largest(analysis, 1)).extracting(SubsystemCut::subsystem).containsExactly("drivers/gpu");
    assertThat(SubsystemCuts.largest(analysis, 0)).isEmpty();
    assertThatThrownBy(() -> SubsystemCuts.largest(analysis, -1)).hasMessage("limit must not be negative: -1");
  }

  @Test
  void subsystemIsTheFolderUnderKernelTwoLevelsDeep() {
    assertThat(SubsystemCuts.subsystemOf("kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko")).contains("drivers/net");
    assertThat(SubsystemCuts.subsystemOf("kernel/sound/snd.ko")).contains("sound");
    assertThat(SubsystemCuts.subsystemOf("kernel/top.ko")).isEmpty();
    assertThat(SubsystemCuts.subsystemOf("extra/vendor.ko")).isEmpty();
  }

  @Test
  void nothingToCutWhenNoPackageSitsAboveCore() throws IOException {
    Path single = dir.resolve("single.yaml");
    Files.writeString(single, """
        kslim: 1
        packages: [{name: core, depends-on: []}]
        rules:
          - default: core
            reason: everything
        """);
    SplitAnalysis alone = SplitAnalyzer.analyze(CheckRequest.of(dir.resolve("tree"), single));

    assertThat(SubsystemCuts.largest(alone, 10)).isEmpty();
  }

  private static long size(String path) {
    try {
      return Files.size(dir.resolve("tree/lib/modules/" + DecideFixtures.KVER).resolve(path));
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }
}
