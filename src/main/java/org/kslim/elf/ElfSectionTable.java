package org.kslim.elf;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The section header table of one ELF file, read in place: a section becomes an
 * {@link ElfSection} only when it is asked for, and a section is found by name by comparing the
 * bytes of the section-name table, without a {@code String} for each name. A kernel module has
 * fifty or more sections and a reader asks for five of them, by name; every header and name was
 * checked when the table was opened ({@link ElfReader}), so reading one never fails.
 *
 * <pre>{@code
 * int symtab = table.indexOf(".symtab");   // -1 when there is none
 * ElfSection section = table.get(symtab);
 * }</pre>
 */
final class ElfSectionTable {
  /** Names the bytes of a section name in a failure, which cannot happen: every name was checked. */
  private static final Supplier<String> SECTION_NAME = () -> "section name";

  private final ElfBytes bytes;
  private final long offset;
  private final int count;
  /** The section-name table, or null when the file has none and every section is named {@code ""}. */
  private final ElfSection names;
  private List<ElfSection> all;

  ElfSectionTable(ElfBytes bytes, long offset, int count, ElfSection names) {
    this.bytes = bytes;
    this.offset = offset;
    this.count = count;
    this.names = names;
  }

  /** Section headers, index 0 included. */
  int count() {
    return count;
  }

  /** The section at {@code index}, which must be below {@link #count()}. */
  ElfSection get(int index) {
    long at = headerAt(index);
    String name = names == null ? "" : bytes.string(nameAt(index), names.offset() + names.size(), SECTION_NAME);
    return ElfReader.section(bytes, at, index, name);
  }

  /** Every section, made on the first call. */
  List<ElfSection> all() {
    if (all == null) {
      List<ElfSection> sections = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        sections.add(get(i));
      }
      all = List.copyOf(sections);
    }
    return all;
  }

  /** The index of the first section past index 0 named {@code name}, or -1 when none is. */
  int indexOf(String name) {
    if (names == null) {
      return name.isEmpty() && count > 1 ? 1 : -1;
    }
    byte[] wanted = name.getBytes(StandardCharsets.UTF_8);
    long end = names.offset() + names.size();
    for (int i = 1; i < count; i++) {
      long start = nameAt(i);
      if (wanted.length < end - start && nameEquals(start, wanted)) {
        return i;
      }
    }
    return -1;
  }

  /** Whether the NUL-terminated name at {@code start} (known to end before the table's end) is {@code wanted}. */
  private boolean nameEquals(long start, byte[] wanted) {
    for (int k = 0; k < wanted.length; k++) {
      if (bytes.u8(start + k) != (wanted[k] & 0xFF)) {
        return false;
      }
    }
    return bytes.u8(start + wanted.length) == 0;
  }

  private long headerAt(int index) {
    return offset + (long) index * bytes.elfClass().sectionHeaderSize();
  }

  private long nameAt(int index) {
    return names.offset() + bytes.u32(headerAt(index));
  }
}
