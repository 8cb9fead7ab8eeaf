package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kslim.BadInputException;
import org.kslim.UsageException;

class ProfileReaderTest {
  @Test
  void everyShippedProfileReadsAndNamesItsDevices() {
    for (String name : ProfileReader.SHIPPED) {
      HardwareProfile profile = ProfileReader.load(name);
      assertThat(profile.name()).isEqualTo(name);
      assertThat(profile.devices()).isNotEmpty();
      assertThat(profile.filesystems()).contains("ext4", "xfs");
    }
    HardwareProfile qemu = ProfileReader.load("qemu-virtio");
    assertThat(qemu.devices()).extracting(HardwareProfile.Device::name)
        .contains("virtio-net", "virtio-blk", "virtio-scsi", "virtio-rng", "virtio-balloon", "virtio-console",
            "virtio-gpu", "virtio-vsock");
    assertThat(qemu.devices()).filteredOn(HardwareProfile.Device::optional).extracting(HardwareProfile.Device::name)
        .containsExactly("virtio-gpu");
  }

  @Test
  void aProfileWithoutFilesystemsOrFeaturesHasNone() {
    HardwareProfile profile = ProfileReader.parse("""
        kslim-profile: 1
        name: bare
        description: one device
        devices:
          - {name: nic, modalias: "pci:v00001D0Fd0000EC20sv00001D0Fsd0000EC20bc02sc00i00"}
        """, "bare.yaml");
    assertThat(profile.filesystems()).isEmpty();
    assertThat(profile.features()).isEmpty();
    assertThat(profile.devices().get(0).optional()).isFalse();
  }

  @Test
  void mistakesAreNamedWithFileAndLine() {
    assertThatThrownBy(() -> ProfileReader.parse("kslim-profile: 1\nname: x\ndescription: d\ndevices: []\ndevcies: []\n", "p.yaml"))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith("p.yaml:5: not a profile: Unrecognized field \"devcies\"");
    assertThatThrownBy(() -> ProfileReader.parse("kslim-profile: 2\nname: x\ndescription: d\ndevices: []\n", "p.yaml"))
        .hasMessage("p.yaml: kslim-profile must be 1: 2");
    assertThatThrownBy(() -> ProfileReader.parse("kslim-profile: 1\nname: x\ndescription: d\ndevices: []\n", "p.yaml"))
        .hasMessage("p.yaml: a profile lists at least one device");
    assertThatThrownBy(() -> ProfileReader.parse(
        "kslim-profile: 1\nname: x\ndescription: d\ndevices: [{name: n, modalias: \"no bus here\"}]\n", "p.yaml"))
        .hasMessage("p.yaml: a modalias is BUS:FIELDS without spaces: no bus here (device n)");
    assertThatThrownBy(() -> ProfileReader.parse("", "p.yaml")).hasMessageStartingWith("p.yaml:");
    assertThatThrownBy(() -> ProfileReader.load("no-such-cloud"))
        .isInstanceOf(UsageException.class).hasMessageStartingWith("no shipped profile no-such-cloud (shipped: qemu-virtio");
  }
}
