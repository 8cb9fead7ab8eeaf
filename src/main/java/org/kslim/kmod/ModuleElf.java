package org.kslim.kmod;

import java.nio.ByteOrder;
import java.util.Objects;
import org.kslim.elf.ElfClass;
import org.kslim.elf.ElfHeader;

/**
 * The raw ELF facts of a module file that {@code inspect} shows: class, byte order, machine.
 *
 * <pre>{@code
 * ModuleElf elf = parser.parse("kernel/fs/ext4/ext4.ko", bytes).elf();
 * elf.describe();   // "ELF64 little-endian x86-64"
 * }</pre>
 *
 * @param elfClass ELF32 or ELF64
 * @param byteOrder little- or big-endian
 * @param machine {@code e_machine}
 * @param machineName the machine's common name ({@code x86-64}, {@code aarch64}, {@code s390}...)
 */
public record ModuleElf(ElfClass elfClass, ByteOrder byteOrder, int machine, String machineName) {
  public ModuleElf {
    Objects.requireNonNull(elfClass, "elfClass");
    Objects.requireNonNull(byteOrder, "byteOrder");
    Objects.requireNonNull(machineName, "machineName");
  }

  static ModuleElf of(ElfHeader header) {
    return new ModuleElf(header.elfClass(), header.byteOrder(), header.machine(), header.machineName());
  }

  /** One line: class, byte order, machine. */
  public String describe() {
    String order = byteOrder == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian";
    return elfClass + " " + order + " " + machineName;
  }
}
