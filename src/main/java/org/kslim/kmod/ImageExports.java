package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kslim.BadInputException;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfSection;

/**
 * Reads the export tables of an ELF vmlinux: {@code __ksymtab} and {@code __ksymtab_gpl} hold
 * one {@code struct kernel_symbol} an export, {@code __kcrctab} and {@code __kcrctab_gpl} a
 * 4-byte CRC an export in the same order, {@code __ksymtab_strings} the names and namespaces.
 *
 * <p>The entry layout depends on the architecture, so it is recognised from the data: with
 * {@code CONFIG_HAVE_ARCH_PREL32_RELOCATIONS} (x86-64, arm64, powerpc) each field is an
 * {@code int} offset from the field's own address, else each is a pointer; kernels since 5.4
 * have a third field, the namespace. The layout taken is the first whose every name points into
 * {@code __ksymtab_strings}.
 */
final class ImageExports {
  private static final int CRC_BYTES = 4;

  private ImageExports() {}

  /** A {@code struct kernel_symbol} layout: relative or absolute fields, with or without a namespace. */
  private record Layout(boolean relative, int fields) {
    int entrySize(int wordSize) {
      return fields * (relative ? 4 : wordSize);
    }
  }

  private static final List<Layout> LAYOUTS =
      List.of(new Layout(true, 3), new Layout(false, 3), new Layout(true, 2), new Layout(false, 2));

  static List<KernelExport> read(ElfFile elf) {
    ElfSection strings = elf.section("__ksymtab_strings")
        .orElseThrow(() -> new BadInputException(elf.name() + ": vmlinux has no __ksymtab_strings section"));
    List<Table> tables = new ArrayList<>();
    table(elf, "__ksymtab", "__kcrctab", "EXPORT_SYMBOL").ifPresent(tables::add);
    table(elf, "__ksymtab_gpl", "__kcrctab_gpl", "EXPORT_SYMBOL_GPL").ifPresent(tables::add);
    if (tables.isEmpty()) {
      throw new BadInputException(elf.name() + ": vmlinux has no __ksymtab or __ksymtab_gpl section");
    }
    int wordSize = elf.header().elfClass().wordSize();
    Layout layout = LAYOUTS.stream()
        .filter(candidate -> tables.stream().allMatch(t -> t.fits(elf, candidate, wordSize, strings)))
        .findFirst()
        .orElseThrow(() -> new BadInputException(elf.name() + ": __ksymtab entries match no known struct kernel_symbol layout"));
    List<KernelExport> exports = new ArrayList<>();
    for (Table table : tables) {
      table.read(elf, layout, wordSize, strings, exports);
    }
    return exports;
  }

  private static Optional<Table> table(ElfFile elf, String symbols, String crcs, String type) {
    return elf.section(symbols).map(section -> new Table(section, elf.section(crcs), type));
  }

  /** One export table with its CRC table, if the kernel has modversions. */
  private record Table(ElfSection symbols, Optional<ElfSection> crcs, String type) {
    boolean fits(ElfFile elf, Layout layout, int wordSize, ElfSection strings) {
      int size = layout.entrySize(wordSize);
      if (symbols.size() % size != 0) {
        return false;
      }
      ByteBuffer bytes = elf.bytes(symbols);
      for (int at = 0; at < bytes.limit(); at += size) {
        if (stringOffset(bytes, at, 1, layout, wordSize, strings) < 0) {
          return false;
        }
      }
      return true;
    }

    void read(ElfFile elf, Layout layout, int wordSize, ElfSection strings, List<KernelExport> exports) {
      int size = layout.entrySize(wordSize);
      ByteBuffer bytes = elf.bytes(symbols);
      int count = bytes.limit() / size;
      ByteBuffer crcBytes = crcs.map(elf::bytes).orElse(null);
      if (crcBytes != null && crcBytes.limit() != count * CRC_BYTES) {
        throw new BadInputException(elf.name() + ": " + crcs.get().name() + " holds " + crcBytes.limit() / CRC_BYTES
            + " CRCs for the " + count + " exports of " + symbols.name());
      }
      for (int i = 0; i < count; i++) {
        int at = i * size;
        String name = elf.string(strings, stringOffset(bytes, at, 1, layout, wordSize, strings));
        long namespaceOffset = layout.fields() > 2 ? stringOffset(bytes, at, 2, layout, wordSize, strings) : -1;
        String namespace = namespaceOffset < 0 ? "" : elf.string(strings, namespaceOffset);
        long crc = crcBytes == null ? 0 : crcBytes.getInt(i * CRC_BYTES) & 0xFFFFFFFFL;
        exports.add(new KernelExport(name, crc, crcBytes != null, KernelExport.VMLINUX, type, namespace));
      }
    }

    /**
     * The offset in {@code __ksymtab_strings} that field {@code field} of the entry at {@code at}
     * points to, or -1 when it points nowhere (a null namespace) or outside the section.
     */
    private long stringOffset(ByteBuffer bytes, int at, int field, Layout layout, int wordSize, ElfSection strings) {
      long address;
      if (layout.relative()) {
        int fieldAt = at + 4 * field;
        int offset = bytes.getInt(fieldAt);
        if (offset == 0) {
          return -1;
        }
        address = symbols.address() + fieldAt + offset;
      } else {
        int fieldAt = at + wordSize * field;
        address = wordSize == 4 ? bytes.getInt(fieldAt) & 0xFFFFFFFFL : bytes.getLong(fieldAt);
        if (address == 0) {
          return -1;
        }
      }
      long offset = address - strings.address();
      return offset >= 0 && offset < strings.size() ? offset : -1;
    }
  }
}
