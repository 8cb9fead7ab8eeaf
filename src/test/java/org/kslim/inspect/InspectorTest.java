package org.kslim.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.report.InspectionJson;
import org.kslim.testing.ElfBuilder;

class InspectorTest {
  private static final String KVER = "6.1.0-test-amd64";

  @TempDir Path root;

  @Test
  void summarisesModulesSubsystemsBootFilesAndProblems() throws IOException {
    Path modules = root.resolve("lib/modules/" + KVER);
    write(modules.resolve("kernel/drivers/net/virtio_net.ko"), ElfBuilder.x86_64()
        .modinfo("alias=virtio:d00000001v*", "depends=virtio_ring")
        .needs("virtqueue_add", 0x11L)
        .build());
    write(modules.resolve("kernel/drivers/virtio/virtio_ring.ko"), ElfBuilder.x86_64()
        .export("virtqueue_add", 0x11L)
        .build());
    write(modules.resolve("kernel/fs/ext4/ext4.ko"), ElfBuilder.x86_64()
        .needs("missing_symbol", 0x22L)
        .build());
    Files.writeString(modules.resolve("modules.order"),
        "kernel/drivers/virtio/virtio_ring.ko\nkernel/drivers/net/virtio_net.ko\nkernel/fs/ext4/ext4.ko\n");
    Path symvers = root.resolve("Module.symvers");
    Files.writeString(symvers, "0x00000033\tprintk\tvmlinux\tEXPORT_SYMBOL\t\n");
    write(root.resolve("boot/config-" + KVER), "CONFIG_X=y\n".getBytes());

    KernelInspection inspection = Inspector.inspect(root, InspectOptions.DEFAULTS.withSymvers(symvers));

    assertThat(inspection.kernelVersion()).isEqualTo(KVER);
    assertThat(inspection.machine()).isEqualTo("x86-64");
    assertThat(inspection.byteOrder()).isEqualTo("little-endian");
    assertThat(inspection.moduleCount()).isEqualTo(3);
    long total = Files.size(modules.resolve("kernel/drivers/net/virtio_net.ko"))
        + Files.size(modules.resolve("kernel/drivers/virtio/virtio_ring.ko"))
        + Files.size(modules.resolve("kernel/fs/ext4/ext4.ko"));
    assertThat(inspection.storedBytes()).isEqualTo(total);
    assertThat(inspection.uncompressedBytes()).isEqualTo(total);
    assertThat(inspection.largestSubsystems()).extracting(SubsystemTotal::directory)
        .containsExactlyInAnyOrder("kernel/drivers/net", "kernel/drivers/virtio", "kernel/fs");
    assertThat(inspection.bootFiles()).extracting(e -> e.path()).containsExactly("boot/config-" + KVER);
    assertThat(inspection.problems()).anySatisfy(p -> assertThat(p).contains("ext4").contains("missing_symbol"));
    assertThat(inspection.problems()).noneSatisfy(p -> assertThat(p).contains("virtqueue_add"));

    JsonNode json = new ObjectMapper().readTree(InspectionJson.toJson(inspection));
    assertThat(json.get("schema").asText()).isEqualTo(InspectionJson.SCHEMA);
    assertThat(json.get("modules").get("count").asInt()).isEqualTo(3);
    assertThat(json.get("modules").get("storedBytes").asLong()).isEqualTo(total);
    assertThat(json.get("largestSubsystems")).hasSize(3);
    assertThat(json.get("problems").size()).isEqualTo(inspection.problems().size());
  }

  @Test
  void subsystemIsDriverDirectoryOrTopDirectory() {
    assertThat(SubsystemTotal.directoryOf("kernel/drivers/net/ethernet/intel/e1000e/e1000e.ko")).isEqualTo("kernel/drivers/net");
    assertThat(SubsystemTotal.directoryOf("kernel/fs/ext4/ext4.ko")).isEqualTo("kernel/fs");
    assertThat(SubsystemTotal.directoryOf("kernel/drivers/foo.ko")).isEqualTo("kernel/drivers");
    assertThat(SubsystemTotal.directoryOf("updates/dkms/zfs.ko")).isEqualTo("updates");
  }

  private static void write(Path file, byte[] content) throws IOException {
    Files.createDirectories(file.getParent());
    Files.write(file, content);
  }
}
