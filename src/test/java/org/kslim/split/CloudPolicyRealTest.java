package org.kslim.split;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.kslim.kmod.Module;
import org.kslim.policy.Policy;
import org.kslim.policy.PolicyReader;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/**
 * The shipped cloud policy against the Debian kernels. The rule tested: on the generic kernel,
 * modules-core holds every module the Debian cloud flavour ships under
 * {@code kernel/drivers/{block,net,virtio,xen,hv,scsi,nvme}/}, except those the policy keeps out
 * of core on purpose (test doubles, cellular modems, Xen back ends that run in dom0, the NVMe
 * target), which must then really sit elsewhere; and neither kernel breaks the policy (the
 * graphs computed from the packages, with their built-in modules).
 */
class CloudPolicyRealTest {
  private static final Path CLOUD_POLICY = Path.of("policies/cloud.yaml");
  private static final Pattern CHECKED = Pattern.compile("kernel/drivers/(block|net|virtio|xen|hv|scsi|nvme)/.*");
  private static final Pattern KEPT_OUT = Pattern.compile("kernel/drivers/(scsi/scsi_debug|block/null_blk/|net/wwan/"
      + "|net/mhi_net|block/xen-blkback/|net/xen-netback/|xen/xen-pciback/|xen/xen-scsiback|nvme/target/).*");

  @RealKernelTest
  void genericCoreHoldsTheCloudFlavoursBlockNetworkAndHypervisorDrivers() throws IOException {
    Policy cloud = PolicyReader.read(CLOUD_POLICY);
    KernelGraphs.Kernel kernel = KernelGraphs.of(SharedData.GENERIC_DEB);
    Split generic = Splitter.split(kernel.graph(), cloud, Set.of(), kernel.builtin());
    List<String> shipped = KernelGraphs.of(SharedData.CLOUD_DEB).graph().modules().stream()
        .map(Module::path)
        .filter(path -> CHECKED.matcher(path).matches())
        .toList();

    List<String> inCore = shipped.stream().filter(path -> !KEPT_OUT.matcher(path).matches()).toList();
    List<String> keptOut = shipped.stream().filter(path -> KEPT_OUT.matcher(path).matches()).toList();
    assertThat(inCore).hasSizeGreaterThan(80);
    assertThat(keptOut).hasSizeGreaterThan(10);
    assertThat(inCore).allSatisfy(path -> assertThat(generic.packageOf(path)).as(path).isEqualTo("modules-core"));
    assertThat(keptOut).allSatisfy(path -> assertThat(generic.packageOf(path)).as(path).isNotEqualTo("modules-core"));
  }

  @RealKernelTest
  void bothKernelsMeetThePolicy() throws IOException {
    Policy cloud = PolicyReader.read(CLOUD_POLICY);
    for (String deb : List.of(SharedData.GENERIC_DEB, SharedData.CLOUD_DEB)) {
      KernelGraphs.Kernel kernel = KernelGraphs.of(deb);
      Split split = Splitter.split(kernel.graph(), cloud, Set.of(), kernel.builtin());
      String kver = kernel.version();
      assertThat(split.violations()).as(kver).isEmpty();
      assertThat(split.modules("modules-core")).as(kver).contains("kernel/drivers/block/virtio_blk.ko",
          "kernel/drivers/net/ethernet/amazon/ena/ena.ko", "kernel/drivers/scsi/hv_storvsc.ko");
    }
  }
}
