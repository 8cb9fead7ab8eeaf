package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.SplitAnalyzer;

class CoverAnalyzerTest {
  @TempDir Path dir;

  private Coverage cover(boolean withNetRule, HardwareProfile... profiles) throws IOException {
    Path tree = CoverFixtures.tree(dir);
    Path policy = CoverFixtures.policy(dir, withNetRule);
    return CoverAnalyzer.cover(SplitAnalyzer.place(CheckRequest.of(tree, policy)), List.of(profiles));
  }

  @Test
  void coreModulesAndBuiltinsMeetEveryNeed() throws IOException {
    Coverage coverage = cover(true, ProfileReader.read(CoverFixtures.profile(dir)));
    assertThat(coverage.passed()).as(coverage.failures().toString()).isTrue();
    assertThat(coverage.items()).extracting(CoverItem::name, i -> i.binders().get(0).module(), i -> i.binders().get(0).pkg())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("virtio-pci-net", "virtio_pci", "core"),
            org.assertj.core.groups.Tuple.tuple("virtio-net", "virtio_net", "core"),
            org.assertj.core.groups.Tuple.tuple("virtio-blk", "virtio_blk", "core"),
            org.assertj.core.groups.Tuple.tuple("virtio-rng", "virtio_rng", Binder.BUILTIN),
            org.assertj.core.groups.Tuple.tuple("virtio-gpu", "virtio_gpu", "optional"),
            org.assertj.core.groups.Tuple.tuple("ext4", "ext4", "core"));
    assertThat(coverage.items().get(4).status()).isEqualTo(CoverItem.Status.OUTSIDE_CORE);
    assertThat(coverage.items().get(4).covered()).isTrue();
  }

  @Test
  void withoutTheNetworkRuleTheProfileFailsNamingTheDevice() throws IOException {
    Coverage coverage = cover(false, ProfileReader.read(CoverFixtures.profile(dir)));
    assertThat(coverage.passed()).isFalse();
    assertThat(coverage.failures()).singleElement().satisfies(failure -> {
      assertThat(failure.name()).isEqualTo("virtio-net");
      assertThat(failure.status()).isEqualTo(CoverItem.Status.OUTSIDE_CORE);
      assertThat(CoverageReport.describe(failure))
          .isEqualTo("device virtio-net (virtio:d00000001v00001AF4) is met only outside core, by virtio_net (optional)");
    });
  }

  @Test
  void aDeviceNoModuleBindsIsMissing() throws IOException {
    HardwareProfile xen = ProfileReader.parse("""
        kslim-profile: 1
        name: xen
        description: Xen
        devices: [{name: vif, modalias: "xen:vif"}]
        filesystems: [xfs]
        """, "xen.yaml");
    Coverage coverage = cover(true, xen);
    assertThat(coverage.failures()).extracting(CoverItem::name, CoverItem::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("vif", CoverItem.Status.MISSING),
            org.assertj.core.groups.Tuple.tuple("xfs", CoverItem.Status.MISSING));
  }

  @Test
  void theJsonNamesEveryItemAndTheVerdict() throws IOException {
    Coverage coverage = cover(false, ProfileReader.read(CoverFixtures.profile(dir)));
    String json = CoverageReport.json(coverage);
    assertThat(json).contains("\"schema\" : \"kslim.cover/1\"", "\"passed\" : false", "\"status\" : \"outside-core\"",
        "\"module\" : \"virtio_net\"", "\"package\" : \"builtin\"");
  }
}
