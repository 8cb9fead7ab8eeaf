package org.kslim.elf;

import java.util.function.Supplier;

/**
 * A symbol table read in place: each entry's fields come straight from the file's bytes and a
 * name becomes a {@code String} only when asked for, so a reader that needs a few symbols of a
 * large table (the undefined ones, those with a prefix) creates no object for the others. Every
 * entry was checked when the table was opened, exactly as {@link ElfFile#symbols(ElfSection)}
 * checks it, so reading a field never fails.
 *
 * <pre>{@code
 * ElfSymbolTable table = elf.symbolTable(elf.section(".symtab").orElseThrow());
 * for (int i = 1; i < table.count(); i++) {
 *   if (table.sectionIndex(i) == ElfSymbol.SHN_UNDEF && !table.nameIsEmpty(i)) System.out.println(table.name(i));
 * }
 * }</pre>
 */
public final class ElfSymbolTable {
  /** Names the bytes of a name in a failure, which cannot happen: every name was checked when the table was opened. */
  private static final Supplier<String> SYMBOL_NAME = () -> "symbol name";

  private final ElfBytes bytes;
  private final ElfSection table;
  private final ElfSection strings;
  private final boolean is64;
  private final int entrySize;
  private final int count;

  ElfSymbolTable(ElfBytes bytes, ElfSection table, ElfSection strings) {
    this.bytes = bytes;
    this.table = table;
    this.strings = strings;
    this.is64 = bytes.elfClass() == ElfClass.ELF64;
    this.entrySize = bytes.elfClass().symbolSize();
    this.count = (int) (table.size() / entrySize);
  }

  /**
   * The index of the first entry whose name does not lie in the string table or does not end
   * before the table's end, or {@link #count()} when every entry is sound.
   */
  int firstUnsound() {
    if (count > 0 && !strings.hasFileBytes()) {
      return 0;
    }
    long lastNul = ElfReader.lastNul(bytes, strings);
    for (int i = 0; i < count; i++) {
      long nameOffset = nameOffset(i);
      if (nameOffset >= strings.size() || nameOffset > lastNul) {
        return i;
      }
    }
    return count;
  }

  /** Entries, index 0 included. */
  public int count() {
    return count;
  }

  /** The file offset of entry {@code index}. */
  long at(int index) {
    return table.offset() + (long) index * entrySize;
  }

  /** {@code st_shndx} of entry {@code index}. */
  public int sectionIndex(int index) {
    return bytes.u16(at(index) + (is64 ? 6 : 14));
  }

  /** {@code st_value} of entry {@code index}. */
  public long value(int index) {
    return is64 ? bytes.u64(at(index) + 8) : bytes.u32(at(index) + 4);
  }

  /** {@code st_size} of entry {@code index}. */
  public long size(int index) {
    return is64 ? bytes.u64(at(index) + 16) : bytes.u32(at(index) + 8);
  }

  /** {@code ELF_ST_BIND(st_info)} of entry {@code index}. */
  public ElfSymbol.Binding binding(int index) {
    return ElfSymbol.Binding.of(info(index) >>> 4);
  }

  /** {@code ELF_ST_TYPE(st_info)} of entry {@code index}. */
  public int type(int index) {
    return info(index) & 0xF;
  }

  /** Whether entry {@code index} has the empty name. */
  public boolean nameIsEmpty(int index) {
    return bytes.u8(strings.offset() + nameOffset(index)) == 0;
  }

  /** Whether the name of entry {@code index} starts with the ASCII {@code prefix}; no string is created. */
  public boolean nameStartsWith(int index, String prefix) {
    long start = strings.offset() + nameOffset(index);
    long end = strings.offset() + strings.size();
    if (prefix.length() > end - start) {
      return false;
    }
    for (int k = 0; k < prefix.length(); k++) {
      if (bytes.u8(start + k) != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The name of entry {@code index}. */
  public String name(int index) {
    return bytes.string(strings.offset() + nameOffset(index), strings.offset() + strings.size(), SYMBOL_NAME);
  }

  /** Entry {@code index} as a value. */
  public ElfSymbol symbol(int index) {
    int info = info(index);
    return new ElfSymbol(index, name(index), value(index), size(index), ElfSymbol.Binding.of(info >>> 4), info & 0xF,
        sectionIndex(index));
  }

  private int info(int index) {
    return bytes.u8(at(index) + (is64 ? 4 : 12));
  }

  private long nameOffset(int index) {
    return bytes.u32(at(index));
  }
}
