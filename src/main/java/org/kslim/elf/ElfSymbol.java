package org.kslim.elf;

/**
 * One entry of an ELF symbol table.
 *
 * <pre>{@code
 * for (ElfSymbol s : elf.symbols()) {
 *   if (s.isUndefined() && s.binding() == ElfSymbol.Binding.WEAK) { ... }
 * }
 * }</pre>
 *
 * @param index the entry's index in its table
 * @param name the name from the table's string table
 * @param value {@code st_value}
 * @param size {@code st_size}
 * @param binding {@code ELF_ST_BIND(st_info)}
 * @param type {@code ELF_ST_TYPE(st_info)}: 0 none, 1 object, 2 function, 3 section, 4 file...
 * @param sectionIndex {@code st_shndx}, including {@link #SHN_UNDEF}, {@link #SHN_ABS}, {@link #SHN_COMMON}
 */
public record ElfSymbol(int index, String name, long value, long size, Binding binding, int type, int sectionIndex) {
  public static final int SHN_UNDEF = 0;
  public static final int SHN_LORESERVE = 0xFF00;
  public static final int SHN_ABS = 0xFFF1;
  public static final int SHN_COMMON = 0xFFF2;
  public static final int SHN_XINDEX = 0xFFFF;

  /** The binding of a symbol; any value past {@code STB_WEAK} (OS- or processor-specific) is {@link #OTHER}. */
  public enum Binding {
    LOCAL,
    GLOBAL,
    WEAK,
    OTHER;

    static Binding of(int value) {
      return switch (value) {
        case 0 -> LOCAL;
        case 1 -> GLOBAL;
        case 2 -> WEAK;
        default -> OTHER;
      };
    }
  }

  public boolean isUndefined() {
    return sectionIndex == SHN_UNDEF;
  }

  public boolean isAbsolute() {
    return sectionIndex == SHN_ABS;
  }

  public boolean isCommon() {
    return sectionIndex == SHN_COMMON;
  }
}
