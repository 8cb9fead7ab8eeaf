package org.kslim.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.kslim.testing.RealKernelTest;
import org.kslim.testing.SharedData;

class InspectorRealTest {
  @RealKernelTest
  void inspectsTheDebianCloudKernelWithExportsFromItsOwnImage() throws IOException {
    KernelInspection inspection = Inspector.inspect(SharedData.kernel(SharedData.CLOUD_DEB), InspectOptions.DEFAULTS);

    List<String> referenceModules = Files.readAllLines(SharedData.reference("6.1.0-56-cloud-amd64").resolve("modules.dep"));
    assertThat(inspection.kernelVersion()).isEqualTo("6.1.0-56-cloud-amd64");
    assertThat(inspection.packageFormat()).isEqualTo("deb");
    assertThat(inspection.moduleCount()).isEqualTo(referenceModules.size()).isEqualTo(1121);
    assertThat(inspection.machine()).isEqualTo("x86-64");
    assertThat(inspection.elfClass()).isEqualTo("ELF64");
    assertThat(inspection.byteOrder()).isEqualTo("little-endian");
    assertThat(inspection.storedBytes()).isEqualTo(inspection.uncompressedBytes()).isGreaterThan(90_000_000L);
    assertThat(inspection.kernelImage()).hasValueSatisfying(e -> assertThat(e.path()).isEqualTo("boot/vmlinuz-6.1.0-56-cloud-amd64"));
    assertThat(inspection.exportsSource()).hasValueSatisfying(s -> assertThat(s).endsWith("!boot/vmlinuz-6.1.0-56-cloud-amd64"));
    assertThat(inspection.largestSubsystems()).hasSize(KernelInspection.SUBSYSTEMS_SHOWN);
    assertThat(inspection.largestSubsystems().get(0).uncompressedBytes())
        .isGreaterThanOrEqualTo(inspection.largestSubsystems().get(1).uncompressedBytes());
    // kmod's depmod -e with the headers' Module.symvers reports nothing for this kernel: neither does kslim with the image's exports
    assertThat(inspection.problems()).isEmpty();
  }
}
