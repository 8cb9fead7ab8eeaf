package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

/**
 * Boots the Debian cloud kernel under QEMU (TCG, so that it runs on any machine) with only the
 * core package of the shipped cloud policy; needs qemu-system-x86, busybox-static, e2fsprogs and
 * xfsprogs ({@code .ci/boot-tools}).
 */
class BootTestRealTest {
  private static final Path CLOUD_POLICY = Path.of("policies/cloud.yaml");
  private static final Duration TIMEOUT = Duration.ofSeconds(300);

  @TempDir Path dir;

  private static BootRequest request(Path policy) {
    return BootRequest.of(SharedData.kernel(SharedData.CLOUD_DEB), policy)
        .withAccelerator(Accelerator.TCG).withTimeout(TIMEOUT);
  }

  @RealKernelTest
  void theCloudKernelBootsWithItsCorePackageAloneAndBindsEveryDevice() {
    BootTest.BootOutcome outcome = BootTest.run(request(CLOUD_POLICY).withConsole(dir.resolve("console.log")));
    assertThat(outcome.verdict().problems()).as(String.join("\n", outcome.verdict().log().tail(BootReport.TAIL))).isEmpty();
    assertThat(outcome.modulesFrom()).isEqualTo("modules-core");
    assertThat(outcome.verdict().devices()).filteredOn(d -> d.device() == AttachedDevice.VIRTIO_NET).singleElement()
        .satisfies(d -> assertThat(d.seen()).extracting(BootLog.Device::driver).containsExactly("virtio_net"));
    assertThat(outcome.verdict().mounts()).extracting(BootLog.Mount::filesystem).containsExactly("ext4", "xfs");
    assertThat(dir.resolve("console.log")).content().contains("KSLIM-END");
  }

  @RealKernelTest
  void withoutVirtioNetInCoreTheNetworkDeviceIsNamedUnbound() throws IOException {
    Path policy = dir.resolve("no-virtio-net.yaml");
    String cloud = Files.readString(CLOUD_POLICY);
    String rule = "  - drivers/net/virtio_net.*: modules-core\n";
    assertThat(cloud).contains(rule);
    Files.writeString(policy, cloud.replace(rule, "  - drivers/net/virtio_net.*: modules\n"));

    BootTest.BootOutcome outcome = BootTest.run(request(policy));

    assertThat(outcome.verdict().passed()).isFalse();
    assertThat(outcome.verdict().problems()).singleElement().asString()
        .startsWith("attached device virtio-net is bound by no driver: virtio ")
        .endsWith(" virtio:d00000001v00001AF4");
  }

  @RealKernelTest
  void theWholeKernelBindsEveryDeviceToo() {
    BootTest.BootOutcome outcome = BootTest.run(request(CLOUD_POLICY).withWhole(true));
    assertThat(outcome.verdict().problems()).as(String.join("\n", outcome.verdict().log().tail(BootReport.TAIL))).isEmpty();
    assertThat(outcome.modulesFrom()).isEqualTo("every package");
  }
}
