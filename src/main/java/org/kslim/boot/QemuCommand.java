package org.kslim.boot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The QEMU command line of a boot test: no default devices, the kernel and initramfs booted
 * directly, the serial console to a file, the test disks and every {@link AttachedDevice}, under
 * the {@link Accelerator} asked for. A panic reboots and
 * {@code -no-reboot} turns that into QEMU's exit.
 *
 * <pre>{@code
 * List<String> argv = QemuCommand.of(BootArch.X86_64, Accelerator.TCG, kernel, initramfs, disks, console, 1024);
 * }</pre>
 */
public final class QemuCommand {
  private QemuCommand() {}

  public static List<String> of(BootArch arch, Accelerator accelerator, Path kernel, Path initramfs, List<TestDisk> disks, Path console,
      int memoryMib) {
    List<String> argv = new ArrayList<>(List.of(arch.qemu(), "-nodefaults", "-no-reboot", "-display", "none"));
    argv.addAll(arch.machine());
    argv.addAll(accelerator.qemuOptions());
    argv.addAll(List.of("-m", Integer.toString(memoryMib), "-smp", "1"));
    argv.addAll(List.of("-kernel", kernel.toString(), "-initrd", initramfs.toString()));
    argv.addAll(List.of("-append", kernelCommandLine(arch, disks)));
    argv.addAll(List.of("-serial", "file:" + console));
    for (int i = 0; i < disks.size(); i++) {
      argv.addAll(List.of("-drive", "file=" + disks.get(i).image() + ",if=none,id=disk" + i + ",format=raw"));
    }
    for (AttachedDevice device : AttachedDevice.values()) {
      argv.addAll(device.qemuOptions());
    }
    return argv;
  }

  static String kernelCommandLine(BootArch arch, List<TestDisk> disks) {
    List<String> mounts = disks.stream().map(d -> d.filesystem() + ":" + d.guestDevice()).toList();
    return "console=" + arch.console() + " panic=-1 rdinit=/init kslim.mount=" + String.join(",", mounts);
  }
}
