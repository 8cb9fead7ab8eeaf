package org.kslim.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;
import org.kslim.size.Measure;

class BuildsTest {
  @Test
  void keepsTheKernelThePolicyWithReasonsAndApprovalsAndEverySize(@TempDir Path dir) throws Exception {
    Path tree = HistoryFixtures.tree(dir, 56, 100, true);
    Path policy = HistoryFixtures.policy(dir, 1000);
    Instant at = Instant.parse("2026-11-26T08:00:00Z");

    Build build = Builds.of(SplitAnalyzer.analyze(CheckRequest.of(tree, policy)), tree, Files.readString(policy), at);

    assertThat(build.info()).isEqualTo(new BuildInfo(0, at, "6.1.0-56-cloud-amd64", "cloud-amd64", "x86-64",
        "linux-image-6.1.0-56-cloud-amd64", InputHash.of(tree), InputHash.ofText(Files.readString(policy)), true));
    assertThat(build.rules()).containsExactly(
        new RuleReason(1, "module:virtio_*", "modules-core", "every KVM guest's disk and network"),
        new RuleReason(2, "default", "modules", "what no rule claims is optional"));
    assertThat(build.modules()).extracting(ModuleRecord::path, ModuleRecord::pkg).containsExactly(
        tuple("kernel/drivers/block/virtio_blk.ko", "modules-core"),
        tuple("kernel/drivers/gpu/drm/drm.ko", "modules"),
        tuple("kernel/drivers/net/virtio_net.ko", "modules-core"),
        tuple("kernel/drivers/virtio/virtio_ring.ko", "modules-core"));
    Path drm = tree.resolve("lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/gpu/drm/drm.ko");
    assertThat(build.modules().get(1).size(ModuleMeasure.INSTALLED)).isEqualTo(Files.size(drm));
    assertThat(build.modules().get(1).size(ModuleMeasure.DISK)).isEqualTo(4096);
    assertThat(build.pkg("modules").orElseThrow().size(Measure.FILES)).isEqualTo(1);
    assertThat(build.budgets().get("modules")).containsEntry(Measure.INSTALLED, 1L << 20);
    assertThat(build.verdicts()).extracting(VerdictRecord::pkg).containsExactly("modules-core", "modules");
  }

  @Test
  void aTreeIsHashedByItsPathsAndContents(@TempDir Path dir) throws Exception {
    Path one = HistoryFixtures.tree(dir.resolve("a"), 56, 100, false);
    Path same = HistoryFixtures.tree(dir.resolve("b"), 56, 100, false);
    Path other = HistoryFixtures.tree(dir.resolve("c"), 56, 101, false);

    assertThat(InputHash.of(one)).isEqualTo(InputHash.of(same)).isNotEqualTo(InputHash.of(other)).hasSize(64);
    assertThat(InputHash.of(drmFile(one))).isEqualTo(InputHash.of(drmFile(same)));
  }

  private static Path drmFile(Path tree) {
    return tree.resolve("lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/gpu/drm/drm.ko");
  }
}
