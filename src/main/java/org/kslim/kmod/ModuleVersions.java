package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfSection;

/**
 * A module's {@code __versions} entries (a CRC, then a NUL-terminated symbol name, 64 bytes an
 * entry), read in place and found by name: {@link #first} gives the first entry of a name, as
 * libkmod's scan of the section finds it. An ASCII name (every name a compiler writes) stays
 * bytes until it is asked for; a module needs a few hundred lookups, and a {@code String} and a
 * map entry for each name cost more than the lookups themselves.
 *
 * <pre>{@code
 * ModuleVersions versions = ModuleVersions.of(elf);
 * int entry = versions.first("kmalloc_caches");
 * long crc = entry < 0 ? 0 : versions.crc(entry);
 * }</pre>
 */
final class ModuleVersions {
  private static final int ENTRY_SIZE = 64;
  private static final int CRC_BYTES = 4;
  private static final ModuleVersions NONE = new ModuleVersions(ByteBuffer.allocate(0), CRC_BYTES, 0);

  /** The section's bytes, copied once: C1-compiled code reads an array for less than a buffer's accessors. */
  private final byte[] bytes;
  private final ByteBuffer crcs;
  private final int crcSize;
  private final int count;
  /** Each entry's name length and hash (that of the {@code String} it reads as). */
  private final int[] lengths;
  private final int[] hashes;
  /** Names read as strings: at once for a name that is not ASCII, else when first asked for. */
  private final String[] names;
  /** Open addressing by hash: each slot holds 1 + the first entry of a name, or 0. */
  private final int[] slots;

  private ModuleVersions(ByteBuffer section, int crcSize, int count) {
    this.bytes = new byte[section.remaining()];
    section.get(section.position(), bytes);
    this.crcs = ByteBuffer.wrap(bytes).order(section.order());
    this.crcSize = crcSize;
    this.count = count;
    this.lengths = new int[count];
    this.hashes = new int[count];
    this.names = new String[count];
    this.slots = new int[Integer.highestOneBit(Math.max(1, count)) << 2];
  }

  /**
   * The entries of {@code elf}'s {@code __versions}; none when the section is missing or not a
   * whole number of entries, as libkmod then reads none.
   *
   * @throws org.kslim.MalformedInputException when a name does not end inside the section
   */
  static ModuleVersions of(ElfFile elf) {
    Optional<ElfSection> found = elf.section("__versions");
    if (found.isEmpty() || found.get().size() % ENTRY_SIZE != 0) {
      return NONE;
    }
    ElfSection section = found.get();
    ByteBuffer bytes = elf.bytes(section);
    ModuleVersions versions = new ModuleVersions(bytes, elf.header().elfClass().wordSize(), bytes.remaining() / ENTRY_SIZE);
    for (int entry = 0; entry < versions.count; entry++) {
      if (!versions.scan(entry)) {
        // no NUL before the section's end: the string read fails, naming the section and offset
        elf.string(section, versions.nameOffset(entry));
      }
      versions.index(entry);
    }
    return versions;
  }

  int count() {
    return count;
  }

  long crc(int entry) {
    int at = entry * ENTRY_SIZE;
    return crcSize == CRC_BYTES ? crcs.getInt(at) & 0xFFFFFFFFL : crcs.getLong(at);
  }

  String name(int entry) {
    if (names[entry] == null) {
      names[entry] = decode(entry);
    }
    return names[entry];
  }

  /** The first entry named {@code name}, or -1. */
  int first(String name) {
    int hash = name.hashCode();
    int mask = slots.length - 1;
    for (int slot = spread(hash) & mask; slots[slot] != 0; slot = (slot + 1) & mask) {
      int entry = slots[slot] - 1;
      if (hashes[entry] == hash && named(entry, name)) {
        return entry;
      }
    }
    return -1;
  }

  private int nameOffset(int entry) {
    return entry * ENTRY_SIZE + crcSize;
  }

  /** Measures and hashes the name of {@code entry}; false when it has no NUL before the section's end. */
  private boolean scan(int entry) {
    int start = nameOffset(entry);
    int hash = 0;
    boolean ascii = true;
    for (int at = start; at < bytes.length; at++) {
      byte b = bytes[at];
      if (b == 0) {
        lengths[entry] = at - start;
        if (ascii) {
          hashes[entry] = hash;
        } else {
          names[entry] = decode(entry);
          hashes[entry] = names[entry].hashCode();
        }
        return true;
      }
      ascii &= b > 0;
      hash = 31 * hash + b;
    }
    return false;
  }

  /** Adds {@code entry} to the slots unless an earlier entry has its name. */
  private void index(int entry) {
    int mask = slots.length - 1;
    int slot = spread(hashes[entry]) & mask;
    for (; slots[slot] != 0; slot = (slot + 1) & mask) {
      int other = slots[slot] - 1;
      if (hashes[other] == hashes[entry] && sameName(other, entry)) {
        return;
      }
    }
    slots[slot] = entry + 1;
  }

  private boolean sameName(int one, int other) {
    if (names[one] != null || names[other] != null) {
      return name(one).equals(name(other));
    }
    int start = nameOffset(one);
    return lengths[one] == lengths[other]
        && Arrays.equals(bytes, start, start + lengths[one], bytes, nameOffset(other), nameOffset(other) + lengths[other]);
  }

  /** Whether {@code entry}'s name is {@code name}. */
  private boolean named(int entry, String name) {
    if (names[entry] != null) {
      return names[entry].equals(name);
    }
    int length = lengths[entry];
    if (name.length() != length) {
      return false;
    }
    int start = nameOffset(entry);
    for (int k = 0; k < length; k++) {
      if (bytes[start + k] != name.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  private String decode(int entry) {
    return new String(bytes, nameOffset(entry), lengths[entry], StandardCharsets.UTF_8);
  }

  private static int spread(int hash) {
    return hash ^ (hash >>> 16);
  }
}
