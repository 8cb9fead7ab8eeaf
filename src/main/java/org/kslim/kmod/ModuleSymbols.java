package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfHeader;
import org.kslim.elf.ElfSection;
import org.kslim.elf.ElfSymbol;

/**
 * The symbols a module exports and needs, found exactly as libkmod (kmod 30) finds them, so that
 * depmod's view and ours agree.
 *
 * <p>Exports: every {@code __crc_NAME} symbol of {@code .symtab}, in table order, its CRC the
 * symbol's value when absolute, else the 4 bytes at that offset of the symbol's section (the
 * {@code __kcrctab} layout of kernels since 5.19); only a module without any {@code __crc_}
 * symbol falls back to the strings of {@code __ksymtab_strings} (which on kernels with symbol
 * namespaces also hold the namespace names, as libkmod then reports them too).
 *
 * <p>Undefined: every {@code SHN_UNDEF} symbol of {@code .symtab} past index 0 with a name, its
 * CRC from the first {@code __versions} entry of that name, then the {@code __versions} entries
 * no symbol matched ({@code module_layout}), in section order.
 */
final class ModuleSymbols {
  private static final String CRC_PREFIX = "__crc_";
  private static final int VERSION_ENTRY_SIZE = 64;
  private static final int STT_REGISTER = 13;
  private static final int CRC_BYTES = 4;

  private ModuleSymbols() {}

  static List<ModuleSymbol> exports(ElfFile elf) {
    List<ModuleSymbol> exports = new ArrayList<>();
    for (ElfSymbol symbol : tableSymbols(elf)) {
      if (symbol.index() > 0 && symbol.name().startsWith(CRC_PREFIX)) {
        exports.add(crcExport(elf, symbol));
      }
    }
    if (!exports.isEmpty()) {
      return exports;
    }
    Optional<ElfSection> strings = elf.section("__ksymtab_strings");
    if (strings.isEmpty()) {
      return List.of();
    }
    return ModuleStrings.split(elf.bytes(strings.get())).stream()
        .map(name -> new ModuleSymbol(name, 0, false, false))
        .toList();
  }

  static List<ModuleSymbol> undefined(ElfFile elf) {
    List<Version> versions = versions(elf);
    Map<String, Integer> firstVersion = new HashMap<>();
    for (int i = versions.size() - 1; i >= 0; i--) {
      firstVersion.put(versions.get(i).name(), i);
    }
    boolean[] visited = new boolean[versions.size()];
    int machine = elf.header().machine();
    boolean registers = machine == ElfHeader.EM_SPARC || machine == ElfHeader.EM_SPARCV9;
    List<ModuleSymbol> undefined = new ArrayList<>();
    for (ElfSymbol symbol : tableSymbols(elf)) {
      if (symbol.index() == 0 || !symbol.isUndefined() || (registers && symbol.type() == STT_REGISTER)
          || symbol.name().isEmpty()) {
        continue;
      }
      boolean weak = symbol.binding() == ElfSymbol.Binding.WEAK;
      Integer version = firstVersion.get(symbol.name());
      if (version == null) {
        undefined.add(new ModuleSymbol(symbol.name(), 0, false, weak));
      } else {
        visited[version] = true;
        undefined.add(new ModuleSymbol(symbol.name(), versions.get(version).crc(), true, weak));
      }
    }
    for (int i = 0; i < versions.size(); i++) {
      if (!visited[i]) {
        undefined.add(new ModuleSymbol(versions.get(i).name(), versions.get(i).crc(), true, false));
      }
    }
    return undefined;
  }

  /**
   * The symbols of the section named {@code .symtab}, or none where libkmod finds none usable:
   * no {@code .symtab} or {@code .strtab}, or a table size that is no multiple of an entry.
   */
  private static List<ElfSymbol> tableSymbols(ElfFile elf) {
    Optional<ElfSection> table = elf.section(".symtab");
    if (table.isEmpty() || elf.section(".strtab").isEmpty()
        || table.get().size() % elf.header().elfClass().symbolSize() != 0) {
      return List.of();
    }
    return elf.symbols(table.get());
  }

  private static ModuleSymbol crcExport(ElfFile elf, ElfSymbol symbol) {
    String name = symbol.name().substring(CRC_PREFIX.length());
    int index = symbol.sectionIndex();
    if (symbol.isAbsolute() || symbol.isUndefined()) {
      return new ModuleSymbol(name, symbol.value(), true, false);
    }
    if (index >= elf.sections().size()) {
      return new ModuleSymbol(name, 0, false, false);
    }
    ElfSection section = elf.sections().get(index);
    long offset = symbol.value();
    if (!section.hasFileBytes() || section.size() < CRC_BYTES || offset < 0 || offset > section.size() - CRC_BYTES) {
      return new ModuleSymbol(name, 0, false, false);
    }
    ByteBuffer bytes = elf.bytes(section);
    return new ModuleSymbol(name, bytes.getInt((int) offset) & 0xFFFFFFFFL, true, false);
  }

  /** The {@code __versions} entries, none when the section is missing or not a whole number of entries. */
  private static List<Version> versions(ElfFile elf) {
    Optional<ElfSection> found = elf.section("__versions");
    if (found.isEmpty() || found.get().size() % VERSION_ENTRY_SIZE != 0) {
      return List.of();
    }
    ElfSection section = found.get();
    ByteBuffer bytes = elf.bytes(section);
    int crcSize = elf.header().elfClass().wordSize();
    List<Version> versions = new ArrayList<>();
    for (int at = 0; at < bytes.limit(); at += VERSION_ENTRY_SIZE) {
      long crc = crcSize == CRC_BYTES ? bytes.getInt(at) & 0xFFFFFFFFL : bytes.getLong(at);
      versions.add(new Version(elf.string(section, at + crcSize), crc));
    }
    return versions;
  }

  private record Version(String name, long crc) {}
}
