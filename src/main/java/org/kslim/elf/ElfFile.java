package org.kslim.elf;

import static org.kslim.elf.ElfBytes.verify;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.kslim.MalformedInputException;

/**
 * A bounds-checked view of one ELF file (ELF32 or ELF64, either byte order, any machine): its
 * header, sections, symbols and strings. Every offset, size and count is checked before use;
 * a malformed file fails with a {@link MalformedInputException} naming the file, the offset and
 * the reason.
 *
 * <pre>{@code
 * ElfFile elf = ElfFile.parse("virtio_blk.ko", Files.readAllBytes(path));
 * ByteBuffer modinfo = elf.bytes(elf.section(".modinfo").orElseThrow());
 * for (ElfSymbol s : elf.symbols()) {
 *   if (s.isUndefined()) System.out.println(s.name());
 * }
 * }</pre>
 */
public final class ElfFile {
  private final String name;
  private final ElfBytes bytes;
  private final ElfHeader header;
  private final ElfSectionTable sections;

  ElfFile(String name, ElfBytes bytes, ElfHeader header, ElfSectionTable sections) {
    this.name = name;
    this.bytes = bytes;
    this.header = header;
    this.sections = sections;
  }

  /** Parses the file header and section table of {@code data}; {@code name} locates errors. */
  public static ElfFile parse(String name, byte[] data) {
    return parse(name, ByteBuffer.wrap(data));
  }

  /** Parses the remaining bytes of {@code data} (not modified; the view shares its content). */
  public static ElfFile parse(String name, ByteBuffer data) {
    return parse(name, data, ElfRegions.RESIDENT);
  }

  /** Parses the file whose bytes {@code regions} brings into {@code data} as they are needed. */
  static ElfFile parse(String name, ByteBuffer data, ElfRegions regions) {
    return located(name, () -> ElfReader.read(name, data, regions));
  }

  /** The name errors are located with. */
  public String name() {
    return name;
  }

  public ElfHeader header() {
    return header;
  }

  /** Bytes of the whole file. */
  public long size() {
    return bytes.size();
  }

  /** Every section, index 0 included. */
  public List<ElfSection> sections() {
    return sections.all();
  }

  /** The first section (past index 0) named {@code sectionName}. */
  public Optional<ElfSection> section(String sectionName) {
    int index = sections.indexOf(sectionName);
    return index < 0 ? Optional.empty() : Optional.of(sections.get(index));
  }

  /** The section at {@code index}, which the file itself gave (a link, a symbol's section); out of range is malformed. */
  public ElfSection section(int index) {
    return located(name, () -> {
      verify(index >= 0 && index < sections.count(), header.sectionHeaderOffset(),
          () -> "section index " + Integer.toUnsignedString(index) + " is not below the section count " + sections.count());
      return sections.get(index);
    });
  }

  /** The section's bytes as a read-only buffer in the file's byte order; empty for {@code SHT_NOBITS}. */
  public ByteBuffer bytes(ElfSection section) {
    if (!section.hasFileBytes()) {
      return ByteBuffer.allocate(0).asReadOnlyBuffer().order(header.byteOrder());
    }
    return located(name, () -> {
      Supplier<String> what = () -> "section " + section.name();
      bytes.load(section.offset(), section.size(), what);
      return bytes.slice(section.offset(), section.size(), what);
    });
  }

  /** The NUL-terminated string at {@code offset} of string table {@code table}; it must end inside the table. */
  public String string(ElfSection table, long offset) {
    try {
      if (!table.hasFileBytes() || offset < 0 || offset >= table.size()) {
        verify(false, table.offset(), "string offset " + Long.toUnsignedString(offset) + " is past the end of "
            + describe(table) + " (" + table.size() + " bytes)");
      }
      bytes.load(table.offset(), table.size(), () -> describe(table));
      return bytes.string(table.offset() + offset, table.offset() + table.size(), () -> "string at " + offset + " of " + describe(table));
    } catch (MalformedInputException e) {
      throw e.source() == null ? e.in(name) : e;
    }
  }

  /** The symbols of {@code .symtab} (the first {@code SHT_SYMTAB} section), or none when the file has no symbol table. */
  public List<ElfSymbol> symbols() {
    for (ElfSection section : sections()) {
      if (section.type() == ElfSection.SHT_SYMTAB) {
        return symbols(section);
      }
    }
    return List.of();
  }

  /** Every entry of symbol table {@code table} (index 0 included), names from the string table it links to. */
  public List<ElfSymbol> symbols(ElfSection table) {
    ElfSymbolTable entries = symbolTable(table);
    List<ElfSymbol> symbols = new ArrayList<>(entries.count());
    for (int i = 0; i < entries.count(); i++) {
      symbols.add(entries.symbol(i));
    }
    return List.copyOf(symbols);
  }

  /**
   * Symbol table {@code table} read in place, names from the string table it links to: every
   * entry is checked now (its name must lie in that table and end before the table's end), so
   * the table fails here, as {@link #symbols(ElfSection)} does, or never.
   */
  public ElfSymbolTable symbolTable(ElfSection table) {
    int entrySize = header.elfClass().symbolSize();
    located(name, () -> {
      verify(table.type() == ElfSection.SHT_SYMTAB || table.type() == ElfSection.SHT_DYNSYM, table.offset(),
          () -> describe(table) + " of type " + table.type() + " is not a symbol table");
      verify(table.entrySize() == entrySize, table.offset(),
          () -> describe(table) + " entry size " + table.entrySize() + ", expected " + entrySize);
      verify(table.size() % entrySize == 0, table.offset(),
          () -> describe(table) + " size " + table.size() + " is not a multiple of " + entrySize);
      return table;
    });
    ElfSection strings = section(table.link());
    located(name, () -> {
      bytes.load(table.offset(), table.size(), () -> describe(table));
      if (strings.hasFileBytes()) {
        bytes.load(strings.offset(), strings.size(), () -> describe(strings));
      }
      return table;
    });
    ElfSymbolTable entries = new ElfSymbolTable(bytes, table, strings);
    int unsound = entries.firstUnsound();
    if (unsound < entries.count()) {
      checkName(unsound, entries.at(unsound), strings);
    }
    return entries;
  }

  /** Fails, as the file's own reason, when the name of the symbol at {@code at} does not lie in {@code strings}. */
  private void checkName(int index, long at, ElfSection strings) {
    located(name, () -> {
      long nameOffset = bytes.u32(at);
      verify(nameOffset < strings.size(), at, () -> "symbol " + index + " name offset " + nameOffset
          + " is past the end of " + describe(strings) + " (" + strings.size() + " bytes)");
      return string(strings, nameOffset);
    });
  }

  private static String describe(ElfSection section) {
    return "section " + section.index() + " (" + section.name() + ")";
  }

  private static <T> T located(String name, Supplier<T> read) {
    try {
      return read.get();
    } catch (MalformedInputException e) {
      throw e.source() == null ? e.in(name) : e;
    }
  }
}
