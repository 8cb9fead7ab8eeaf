package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.check.CheckRequest;
import org.kslim.check.ModulePlacement;
import org.kslim.check.SplitAnalyzer;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/** The shipped hardware profiles against the Debian generic kernel split by the shipped cloud policy. */
class CoverRealTest {
  private static final Path CLOUD_POLICY = Path.of("policies/cloud.yaml");

  @TempDir Path dir;

  @RealKernelTest
  void theCloudPolicysCoreMeetsEveryShippedProfile() {
    ModulePlacement placement = SplitAnalyzer.place(CheckRequest.of(SharedData.kernel(SharedData.GENERIC_DEB), CLOUD_POLICY));
    for (String name : ProfileReader.SHIPPED) {
      Coverage coverage = CoverAnalyzer.cover(placement, List.of(ProfileReader.load(name)));
      assertThat(coverage.failures()).as(name).isEmpty();
      assertThat(coverage.items()).as(name).filteredOn(item -> item.status() == CoverItem.Status.CORE)
          .hasSizeGreaterThanOrEqualTo(5);
    }
  }

  @RealKernelTest
  void withoutTheEnaRuleTheAwsProfileFailsNamingTheNetworkDevices() throws IOException {
    Path policy = dir.resolve("no-ena.yaml");
    String cloud = Files.readString(CLOUD_POLICY);
    String rule = "  - drivers/net/ethernet/amazon/.*: modules-core\n    reason: AWS Elastic Network Adapter (ENA)\n";
    assertThat(cloud).contains(rule);
    Files.writeString(policy, cloud.replace(rule, ""));

    ModulePlacement placement = SplitAnalyzer.place(CheckRequest.of(SharedData.kernel(SharedData.GENERIC_DEB), policy));
    List<HardwareProfile> profiles = ProfileReader.SHIPPED.stream().map(ProfileReader::load).toList();
    Coverage coverage = CoverAnalyzer.cover(placement, profiles);

    assertThat(coverage.failures()).extracting(CoverItem::profile, CoverItem::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("aws-nitro", "ena"),
            org.assertj.core.groups.Tuple.tuple("aws-nitro", "ena-vf"));
    assertThat(CoverageReport.describe(coverage.failures().get(0)))
        .isEqualTo("device ena (pci:v00001D0Fd0000EC20sv00001D0Fsd0000EC20bc02sc00i00) is met only outside core, by ena (modules)");
  }
}
