package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.kslim.elf.ElfFile;
import org.kslim.elf.ElfHeader;
import org.kslim.elf.ElfSection;
import org.kslim.elf.ElfSymbol;
import org.kslim.elf.ElfSymbolTable;

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
  private static final int STT_REGISTER = 13;
  private static final int CRC_BYTES = 4;

  private final ElfFile elf;
  private final ElfSymbolTable symbols;

  /** Reads the symbols of {@code elf}'s {@code .symtab}, checking every entry once. */
  ModuleSymbols(ElfFile elf) {
    this.elf = elf;
    this.symbols = symbolTable(elf);
  }

  List<ModuleSymbol> exports() {
    List<ModuleSymbol> exports = new ArrayList<>();
    if (symbols != null) {
      for (int i = 1; i < symbols.count(); i++) {
        if (symbols.nameStartsWith(i, CRC_PREFIX)) {
          exports.add(crcExport(i));
        }
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

  List<ModuleSymbol> undefined() {
    ModuleVersions versions = ModuleVersions.of(elf);
    boolean[] visited = new boolean[versions.count()];
    int machine = elf.header().machine();
    boolean registers = machine == ElfHeader.EM_SPARC || machine == ElfHeader.EM_SPARCV9;
    List<ModuleSymbol> undefined = new ArrayList<>();
    for (int i = 1; symbols != null && i < symbols.count(); i++) {
      if (symbols.sectionIndex(i) != ElfSymbol.SHN_UNDEF || (registers && symbols.type(i) == STT_REGISTER)
          || symbols.nameIsEmpty(i)) {
        continue;
      }
      String name = symbols.name(i);
      boolean weak = symbols.binding(i) == ElfSymbol.Binding.WEAK;
      int version = versions.first(name);
      if (version < 0) {
        undefined.add(new ModuleSymbol(name, 0, false, weak));
      } else {
        visited[version] = true;
        undefined.add(new ModuleSymbol(name, versions.crc(version), true, weak));
      }
    }
    for (int i = 0; i < versions.count(); i++) {
      if (!visited[i]) {
        undefined.add(new ModuleSymbol(versions.name(i), versions.crc(i), true, false));
      }
    }
    return undefined;
  }

  /**
   * The symbol table of the section named {@code .symtab}, or null where libkmod finds none usable:
   * no {@code .symtab} or {@code .strtab}, or a table size that is no multiple of an entry.
   */
  private static ElfSymbolTable symbolTable(ElfFile elf) {
    Optional<ElfSection> table = elf.section(".symtab");
    if (table.isEmpty() || elf.section(".strtab").isEmpty()
        || table.get().size() % elf.header().elfClass().symbolSize() != 0) {
      return null;
    }
    return elf.symbolTable(table.get());
  }

  private ModuleSymbol crcExport(int symbol) {
    String name = symbols.name(symbol).substring(CRC_PREFIX.length());
    int index = symbols.sectionIndex(symbol);
    if (index == ElfSymbol.SHN_ABS || index == ElfSymbol.SHN_UNDEF) {
      return new ModuleSymbol(name, symbols.value(symbol), true, false);
    }
    if (index >= elf.header().sectionCount()) {
      return new ModuleSymbol(name, 0, false, false);
    }
    ElfSection section = elf.section(index);
    long offset = symbols.value(symbol);
    if (!section.hasFileBytes() || section.size() < CRC_BYTES || offset < 0 || offset > section.size() - CRC_BYTES) {
      return new ModuleSymbol(name, 0, false, false);
    }
    ByteBuffer bytes = elf.bytes(section);
    return new ModuleSymbol(name, bytes.getInt((int) offset) & 0xFFFFFFFFL, true, false);
  }
}
