package org.kslim.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class QemuCommandTest {
  @Test
  void bootsTheKernelDirectlyWithTheDisksAndEveryAttachedDeviceUnderTcg() {
    List<TestDisk> disks = List.of(new TestDisk("ext4", Path.of("w/ext4.img"), "/dev/vda"),
        new TestDisk("xfs", Path.of("w/xfs.img"), "/dev/sda"));
    List<String> argv = QemuCommand.of(BootArch.X86_64, Accelerator.TCG, Path.of("w/vmlinuz"), Path.of("w/initramfs.img"),
        disks, Path.of("w/console.log"), 1024);
    assertThat(argv.get(0)).isEqualTo("qemu-system-x86_64");
    assertThat(argv).containsSubsequence("-accel", "tcg").contains("-nodefaults", "-no-reboot")
        .containsSubsequence("-kernel", "w/vmlinuz", "-initrd", "w/initramfs.img")
        .containsSubsequence("-serial", "file:w/console.log")
        .contains("file=w/ext4.img,if=none,id=disk0,format=raw", "file=w/xfs.img,if=none,id=disk1,format=raw",
            "virtio-blk-pci,drive=disk0", "scsi-hd,drive=disk1,bus=scsi0.0", "virtio-net-pci,netdev=net0", "virtio-rng-pci");
    assertThat(argv.get(argv.indexOf("-append") + 1))
        .isEqualTo("console=ttyS0 panic=-1 rdinit=/init kslim.mount=ext4:/dev/vda,xfs:/dev/sda");
  }

  @Test
  void kvmIsAskedForOnlyWhenWantedOrUsable() {
    assertThat(Accelerator.KVM.qemuOptions()).containsExactly("-accel", "kvm");
    assertThat(Accelerator.TCG.qemuOptions()).containsExactly("-accel", "tcg");
    boolean usable = java.nio.file.Files.isReadable(Accelerator.DEV_KVM) && java.nio.file.Files.isWritable(Accelerator.DEV_KVM);
    assertThat(Accelerator.AUTO.qemuOptions()).containsExactly("-accel", usable ? "kvm" : "tcg");
  }
}
