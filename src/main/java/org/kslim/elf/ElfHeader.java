package org.kslim.elf;

import java.nio.ByteOrder;
import java.util.Map;

/**
 * The ELF file header, with the section count and section-name index already resolved through
 * section 0 where the file uses the extended forms ({@code e_shnum == 0},
 * {@code e_shstrndx == SHN_XINDEX}).
 *
 * <pre>{@code
 * ElfHeader h = ElfFile.parse("virtio_blk.ko", bytes).header();
 * h.machineName();   // "x86-64"
 * h.isRelocatable(); // true for a kernel module
 * }</pre>
 *
 * @param elfClass ELF32 or ELF64
 * @param byteOrder little- or big-endian ({@code EI_DATA})
 * @param type {@code e_type}: 1 relocatable, 2 executable, 3 shared object
 * @param machine {@code e_machine}
 * @param entry {@code e_entry}
 * @param sectionHeaderOffset {@code e_shoff}
 * @param sectionCount the number of section headers
 * @param sectionNamesIndex the index of the section-name string table, 0 when there is none
 */
public record ElfHeader(
    ElfClass elfClass,
    ByteOrder byteOrder,
    int type,
    int machine,
    long entry,
    long sectionHeaderOffset,
    int sectionCount,
    int sectionNamesIndex) {
  public static final int ET_REL = 1;
  public static final int ET_EXEC = 2;
  public static final int ET_DYN = 3;

  public static final int EM_SPARC = 2;
  public static final int EM_386 = 3;
  public static final int EM_SPARCV9 = 43;
  public static final int EM_PPC = 20;
  public static final int EM_PPC64 = 21;
  public static final int EM_S390 = 22;
  public static final int EM_X86_64 = 62;
  public static final int EM_AARCH64 = 183;
  public static final int EM_RISCV = 243;

  private static final Map<Integer, String> MACHINES = Map.ofEntries(
      Map.entry(EM_SPARC, "sparc"),
      Map.entry(EM_386, "i386"),
      Map.entry(8, "mips"),
      Map.entry(EM_PPC, "ppc"),
      Map.entry(EM_PPC64, "ppc64"),
      Map.entry(EM_S390, "s390"),
      Map.entry(40, "arm"),
      Map.entry(EM_SPARCV9, "sparcv9"),
      Map.entry(EM_X86_64, "x86-64"),
      Map.entry(EM_AARCH64, "aarch64"),
      Map.entry(EM_RISCV, "riscv"),
      Map.entry(258, "loongarch"));

  /** The machine's common name ({@code x86-64}, {@code aarch64}, {@code s390}...), or {@code machine-N}. */
  public String machineName() {
    return MACHINES.getOrDefault(machine, "machine-" + machine);
  }

  public boolean isRelocatable() {
    return type == ET_REL;
  }
}
