package org.kslim.elf;

import static org.kslim.elf.ElfBytes.verify;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads the file header and the section header table of an ELF file, checking every field. */
final class ElfReader {
  private static final int EI_NIDENT = 16;
  private static final int EI_CLASS = 4;
  private static final int EI_DATA = 5;
  private static final int ELFDATA2LSB = 1;
  private static final int ELFDATA2MSB = 2;
  private static final int NO_NAMES = 0;

  private ElfReader() {}

  /** Reads a file wholly in {@code data}, or, through {@code regions}, a region at a time into it. */
  static ElfFile read(String name, ByteBuffer data, ElfRegions regions) {
    ByteBuffer buffer = data.duplicate();
    verify(buffer.remaining() >= EI_NIDENT, 0, () -> "file of " + buffer.remaining() + " bytes is too short for an ELF identification");
    ByteBuffer content = buffer.slice();
    verify(content.get(0) == 0x7F && content.get(1) == 'E' && content.get(2) == 'L' && content.get(3) == 'F', 0,
        "no ELF magic");
    ElfClass elfClass = elfClass(content.get(EI_CLASS));
    ElfBytes bytes = new ElfBytes(content, elfClass, byteOrder(content.get(EI_DATA)), regions);
    bytes.load(0, elfClass.fileHeaderSize(), () -> "ELF file header");
    boolean is64 = elfClass == ElfClass.ELF64;
    // e_shoff, e_shentsize, e_shnum, e_shstrndx; e_type, e_machine, e_entry below
    long shoff = bytes.word(is64 ? 40 : 32);
    int shentsize = bytes.u16(is64 ? 58 : 46);
    int shnum = bytes.u16(is64 ? 60 : 48);
    int shstrndx = bytes.u16(is64 ? 62 : 50);
    int sectionCount = shoff == 0 && shnum == 0 ? 0 : sectionCount(bytes, shoff, shentsize, shnum);
    int namesIndex = sectionCount == 0 ? NO_NAMES : namesIndex(bytes, shoff, shstrndx, sectionCount, is64 ? 62 : 50);
    ElfHeader header = new ElfHeader(elfClass, bytes.order(), bytes.u16(16), bytes.u16(18), bytes.word(24), shoff,
        sectionCount, namesIndex);
    return new ElfFile(name, bytes, header, sections(bytes, shoff, sectionCount, namesIndex));
  }

  private static ElfClass elfClass(byte value) {
    verify(value == ElfClass.ELF32.identValue() || value == ElfClass.ELF64.identValue(), EI_CLASS, () -> "unknown ELF class " + value);
    return value == ElfClass.ELF32.identValue() ? ElfClass.ELF32 : ElfClass.ELF64;
  }

  private static ByteOrder byteOrder(byte value) {
    verify(value == ELFDATA2LSB || value == ELFDATA2MSB, EI_DATA, () -> "unknown ELF data encoding " + value);
    return value == ELFDATA2LSB ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
  }

  /** The number of section headers, each checked to describe bytes inside the file. */
  private static int sectionCount(ElfBytes bytes, long shoff, int shentsize, int shnum) {
    int entrySize = bytes.elfClass().sectionHeaderSize();
    verify(shoff != 0, 0, () -> "section header table at offset 0 with " + shnum + " entries");
    verify(shentsize == entrySize, shoff, () -> "section header entry size " + shentsize + ", expected " + entrySize);
    bytes.load(shoff, entrySize, () -> "section header 0");
    long count = shnum != 0 ? shnum : section(bytes, shoff, 0, "").size();
    long room = (bytes.size() - shoff) / entrySize;
    verify(count >= 1 && count <= room, shoff,
        () -> "section count " + Long.toUnsignedString(count) + " does not fit the " + room + " section headers the file has room for");
    bytes.load(shoff, count * entrySize, () -> "section header table");
    boolean is64 = bytes.elfClass() == ElfClass.ELF64;
    for (int i = 0; i < count; i++) {
      long at = shoff + (long) i * entrySize;
      long offset = bytes.word(at + (is64 ? 24 : 16));
      long size = bytes.word(at + (is64 ? 32 : 20));
      if (ElfSection.hasFileBytes((int) bytes.u32(at + 4)) && !bytes.fits(offset, size)) {
        int index = i;
        bytes.require(offset, size, () -> "section " + index);
      }
    }
    return (int) count;
  }

  private static int namesIndex(ElfBytes bytes, long shoff, int shstrndx, int count, int fieldOffset) {
    int index = shstrndx == ElfSymbol.SHN_XINDEX ? section(bytes, shoff, 0, "").link() : shstrndx;
    verify(index >= 0 && index < count, fieldOffset, () -> "section-name table index " + Integer.toUnsignedString(index)
        + " is not below the section count " + count);
    return index;
  }

  /**
   * The section header table, each name checked to start inside the section-name table (none
   * without one) and to end before its end; no section is made here.
   */
  private static ElfSectionTable sections(ElfBytes bytes, long shoff, int count, int namesIndex) {
    if (namesIndex == NO_NAMES) {
      return new ElfSectionTable(bytes, shoff, count, null);
    }
    int entrySize = bytes.elfClass().sectionHeaderSize();
    long namesAt = shoff + (long) namesIndex * entrySize;
    ElfSection names = section(bytes, namesAt, namesIndex, "");
    verify(names.hasFileBytes(), namesAt, () -> "section-name table " + namesIndex + " has no bytes in the file");
    bytes.load(names.offset(), names.size(), () -> "section-name table " + namesIndex);
    long lastNul = lastNul(bytes, names);
    for (int i = 0; i < count; i++) {
      long at = shoff + (long) i * entrySize;
      long nameOffset = bytes.u32(at);
      if (nameOffset >= names.size()) {
        verify(false, at, "section " + i + " name offset " + nameOffset + " is past the end of the section-name table ("
            + names.size() + " bytes)");
      }
      if (nameOffset > lastNul) {
        int index = i;
        bytes.string(names.offset() + nameOffset, names.offset() + names.size(), () -> "section " + index + " name");
      }
    }
    return new ElfSectionTable(bytes, shoff, count, names);
  }

  /** The offset in {@code table} of its last NUL, -1 when it has none: a name ends inside the table iff it starts at or before it. */
  static long lastNul(ElfBytes bytes, ElfSection table) {
    for (long i = table.size() - 1; i >= 0; i--) {
      if (bytes.u8(table.offset() + i) == 0) {
        return i;
      }
    }
    return -1;
  }

  /** The section header at {@code at}. */
  static ElfSection section(ElfBytes bytes, long at, int index, String name) {
    if (bytes.elfClass() == ElfClass.ELF32) {
      return new ElfSection(index, name, (int) bytes.u32(at + 4), bytes.u32(at + 8), bytes.u32(at + 12), bytes.u32(at + 16),
          bytes.u32(at + 20), (int) bytes.u32(at + 24), (int) bytes.u32(at + 28), bytes.u32(at + 36));
    }
    return new ElfSection(index, name, (int) bytes.u32(at + 4), bytes.u64(at + 8), bytes.u64(at + 16), bytes.u64(at + 24),
        bytes.u64(at + 32), (int) bytes.u32(at + 40), (int) bytes.u32(at + 44), bytes.u64(at + 56));
  }
}
