package org.kslim.elf;

/**
 * One section header of an ELF file.
 *
 * <pre>{@code
 * ElfSection s = elf.section(".modinfo").orElseThrow();
 * s.size();           // bytes of the section
 * elf.bytes(s);       // its bytes, read-only
 * }</pre>
 *
 * @param index the section's index in the section header table
 * @param name its name from the section-name string table ({@code ""} when the file has none)
 * @param type {@code sh_type}
 * @param flags {@code sh_flags}
 * @param address {@code sh_addr}: where the section sits in memory (0 in a relocatable object)
 * @param offset {@code sh_offset}: where its bytes start in the file
 * @param size {@code sh_size}
 * @param link {@code sh_link}
 * @param info {@code sh_info}
 * @param entrySize {@code sh_entsize}
 */
public record ElfSection(
    int index, String name, int type, long flags, long address, long offset, long size, int link, int info, long entrySize) {
  public static final int SHT_NULL = 0;
  public static final int SHT_PROGBITS = 1;
  public static final int SHT_SYMTAB = 2;
  public static final int SHT_STRTAB = 3;
  public static final int SHT_RELA = 4;
  public static final int SHT_NOBITS = 8;
  public static final int SHT_REL = 9;
  public static final int SHT_DYNSYM = 11;

  public static final long SHF_WRITE = 0x1;
  public static final long SHF_ALLOC = 0x2;
  public static final long SHF_EXECINSTR = 0x4;

  /** Whether the section occupies bytes of the file ({@code SHT_NOBITS} and {@code SHT_NULL} do not). */
  public boolean hasFileBytes() {
    return hasFileBytes(type);
  }

  /** Whether a section of type {@code type} occupies bytes of the file. */
  static boolean hasFileBytes(int type) {
    return type != SHT_NOBITS && type != SHT_NULL;
  }
}
