package org.kslim.boot;

import java.util.List;
import java.util.Locale;
import org.kslim.UsageException;

/**
 * What differs between the architectures a boot test runs: the QEMU program, its machine, and
 * the kernel's serial console.
 *
 * <pre>{@code
 * BootArch arch = BootArch.parse("x86_64");
 * arch.qemu();   // "qemu-system-x86_64"
 * }</pre>
 */
public enum BootArch {
  X86_64("qemu-system-x86_64", List.of("-machine", "pc"), "ttyS0", "x86-64"),
  AARCH64("qemu-system-aarch64", List.of("-machine", "virt", "-cpu", "max"), "ttyAMA0", "aarch64");

  private final String qemu;
  private final List<String> machine;
  private final String console;
  private final String elfMachine;

  BootArch(String qemu, List<String> machine, String console, String elfMachine) {
    this.qemu = qemu;
    this.machine = machine;
    this.console = console;
    this.elfMachine = elfMachine;
  }

  public static BootArch parse(String name) {
    return switch (name) {
      case "x86_64", "amd64" -> X86_64;
      case "aarch64", "arm64" -> AARCH64;
      default -> throw new UsageException("--arch must be x86_64 or aarch64: " + name);
    };
  }

  public String qemu() {
    return qemu;
  }

  public List<String> machine() {
    return machine;
  }

  public String console() {
    return console;
  }

  /** The ELF machine name of this architecture's modules, as {@code ModuleElf.machineName()} gives it. */
  public String elfMachine() {
    return elfMachine;
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
