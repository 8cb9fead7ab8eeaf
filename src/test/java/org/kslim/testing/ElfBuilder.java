package org.kslim.testing;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;
import org.kslim.elf.ElfClass;
import org.kslim.elf.ElfHeader;
import org.kslim.elf.ElfSection;
import org.kslim.elf.ElfSymbol;

/**
 * Writes small ELF relocatable objects for tests: any class and byte order, arbitrary sections
 * and symbols, and the sections of a kernel module ({@code .modinfo}, {@code __ksymtab_strings},
 * {@code __kcrctab} with {@code __crc_*} symbols, {@code __versions}).
 *
 * <pre>{@code
 * byte[] ko = ElfBuilder.x86_64()
 *     .modinfo("license=GPL", "alias=virtio:d00000002v*")
 *     .export("virtio_blk_helper", 0x1234abcdL)
 *     .needs("register_virtio_driver", 0x5a5a5a5aL)
 *     .build();
 * }</pre>
 */
public final class ElfBuilder {
  private static final int ALIGN = 8;
  private static final int VERSION_ENTRY_SIZE = 64;
  private static final int STT_NOTYPE = 0;

  private final ElfClass elfClass;
  private final ByteOrder order;
  private final int machine;
  private final Map<String, Section> sections = new LinkedHashMap<>();
  private final List<Symbol> symbols = new ArrayList<>();
  private final List<String> modinfo = new ArrayList<>();
  private final ByteArrayOutputStream ksymtabStrings = new ByteArrayOutputStream();
  private final ByteArrayOutputStream kcrctab = new ByteArrayOutputStream();
  private final ByteArrayOutputStream versions = new ByteArrayOutputStream();

  public ElfBuilder(ElfClass elfClass, ByteOrder order, int machine) {
    this.elfClass = elfClass;
    this.order = order;
    this.machine = machine;
  }

  /** The four layouts (ELF32/ELF64 x little/big-endian) as arguments class, byte order, machine. */
  public static Stream<Arguments> layouts() {
    return Stream.of(
        Arguments.of(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64),
        Arguments.of(ElfClass.ELF64, ByteOrder.BIG_ENDIAN, ElfHeader.EM_S390),
        Arguments.of(ElfClass.ELF32, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_386),
        Arguments.of(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_PPC));
  }

  /** A builder for x86-64 (ELF64, little-endian). */
  public static ElfBuilder x86_64() {
    return new ElfBuilder(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
  }

  private record Section(String name, int type, long flags, long address, byte[] content) {}

  private record Symbol(String name, long value, ElfSymbol.Binding binding, int type, String section, int index) {}

  /** Adds a section with the given content (appended after the ones added before). */
  public ElfBuilder section(String name, int type, long address, byte[] content) {
    sections.put(name, new Section(name, type, ElfSection.SHF_ALLOC, address, content.clone()));
    return this;
  }

  /** Adds a symbol defined in section {@code section} (added by then or by {@link #build}). */
  public ElfBuilder symbol(String name, long value, ElfSymbol.Binding binding, int type, String section) {
    symbols.add(new Symbol(name, value, binding, type, section, 0));
    return this;
  }

  /** Adds a symbol with a literal section index ({@code SHN_UNDEF}, {@code SHN_ABS}, {@code SHN_COMMON}...). */
  public ElfBuilder symbol(String name, long value, ElfSymbol.Binding binding, int type, int sectionIndex) {
    symbols.add(new Symbol(name, value, binding, type, null, sectionIndex));
    return this;
  }

  /** Appends {@code key=value} strings to {@code .modinfo}. */
  public ElfBuilder modinfo(String... fields) {
    modinfo.addAll(List.of(fields));
    return this;
  }

  /** Exports {@code name} as kernels since 5.19 do: a {@code __ksymtab_strings} entry and a {@code __crc_} symbol into {@code __kcrctab}. */
  public ElfBuilder export(String name, long crc) {
    ksymtabString(name);
    symbol("__crc_" + name, kcrctab.size(), ElfSymbol.Binding.LOCAL, STT_NOTYPE, "__kcrctab");
    kcrctab.writeBytes(ByteBuffer.allocate(4).order(order).putInt((int) crc).array());
    return this;
  }

  /** Adds a string to {@code __ksymtab_strings} only: an export without CRC, or a namespace name. */
  public ElfBuilder ksymtabString(String string) {
    ksymtabStrings.writeBytes(cString(string));
    return this;
  }

  /** Needs {@code name}: an undefined global symbol and a {@code __versions} entry. */
  public ElfBuilder needs(String name, long crc) {
    symbol(name, 0, ElfSymbol.Binding.GLOBAL, STT_NOTYPE, ElfSymbol.SHN_UNDEF);
    return version(name, crc);
  }

  /** Needs {@code name} weakly, without a {@code __versions} entry. */
  public ElfBuilder needsWeak(String name) {
    return symbol(name, 0, ElfSymbol.Binding.WEAK, STT_NOTYPE, ElfSymbol.SHN_UNDEF);
  }

  /** Adds a {@code __versions} entry alone (as {@code module_layout} is). */
  public ElfBuilder version(String name, long crc) {
    ByteBuffer entry = ByteBuffer.allocate(VERSION_ENTRY_SIZE).order(order);
    if (elfClass == ElfClass.ELF32) {
      entry.putInt((int) crc);
    } else {
      entry.putLong(crc);
    }
    entry.put(name.getBytes(StandardCharsets.UTF_8));
    versions.writeBytes(entry.array());
    return this;
  }

  /** The object file: header, section contents, {@code .symtab}, {@code .strtab}, {@code .shstrtab}, section headers. */
  public byte[] build() {
    List<Section> all = new ArrayList<>(sections.values());
    ByteArrayOutputStream info = new ByteArrayOutputStream();
    modinfo.forEach(field -> info.writeBytes(cString(field)));
    addIfAny(all, ".modinfo", info.toByteArray());
    addIfAny(all, "__ksymtab_strings", ksymtabStrings.toByteArray());
    addIfAny(all, "__kcrctab", kcrctab.toByteArray());
    addIfAny(all, "__versions", versions.toByteArray());
    StringTable strtab = new StringTable();
    int symtabIndex = all.size() + 1;
    all.add(new Section(".symtab", ElfSection.SHT_SYMTAB, 0, 0, symbolTable(all, strtab)));
    all.add(new Section(".strtab", ElfSection.SHT_STRTAB, 0, 0, strtab.bytes()));
    StringTable shstrtab = new StringTable();
    for (Section section : all) {
      shstrtab.add(section.name());
    }
    shstrtab.add(".shstrtab");
    all.add(new Section(".shstrtab", ElfSection.SHT_STRTAB, 0, 0, shstrtab.bytes()));
    return layout(all, symtabIndex, shstrtab);
  }

  private static void addIfAny(List<Section> all, String name, byte[] content) {
    if (content.length > 0 && all.stream().noneMatch(s -> s.name().equals(name))) {
      all.add(new Section(name, ElfSection.SHT_PROGBITS, ElfSection.SHF_ALLOC, 0, content));
    }
  }

  private byte[] symbolTable(List<Section> all, StringTable strings) {
    int size = elfClass.symbolSize();
    ByteBuffer table = ByteBuffer.allocate(size * (symbols.size() + 1)).order(order);
    for (int i = 0; i < symbols.size(); i++) {
      Symbol symbol = symbols.get(i);
      int at = (i + 1) * size;
      int index = symbol.section() == null ? symbol.index() : sectionIndex(all, symbol.section());
      int info = (symbol.binding().ordinal() << 4) | symbol.type();
      table.putInt(at, strings.add(symbol.name()));
      if (elfClass == ElfClass.ELF32) {
        table.putInt(at + 4, (int) symbol.value()).put(at + 12, (byte) info).putShort(at + 14, (short) index);
      } else {
        table.put(at + 4, (byte) info).putShort(at + 6, (short) index).putLong(at + 8, symbol.value());
      }
    }
    return table.array();
  }

  private static int sectionIndex(List<Section> all, String name) {
    for (int i = 0; i < all.size(); i++) {
      if (all.get(i).name().equals(name)) {
        return i + 1;
      }
    }
    throw new IllegalArgumentException("no section named " + name);
  }

  private byte[] layout(List<Section> all, int symtabIndex, StringTable names) {
    long[] offsets = new long[all.size()];
    long at = elfClass.fileHeaderSize();
    for (int i = 0; i < all.size(); i++) {
      at = align(at);
      offsets[i] = at;
      at += all.get(i).type() == ElfSection.SHT_NOBITS ? 0 : all.get(i).content().length;
    }
    long shoff = align(at);
    int entry = elfClass.sectionHeaderSize();
    ByteBuffer out = ByteBuffer.allocate((int) (shoff + (long) entry * (all.size() + 1))).order(order);
    header(out, shoff, all.size() + 1, all.size());
    for (int i = 0; i < all.size(); i++) {
      Section section = all.get(i);
      if (section.type() != ElfSection.SHT_NOBITS) {
        out.put((int) offsets[i], section.content());
      }
      int link = i + 1 == symtabIndex ? symtabIndex + 1 : 0;
      long entrySize = i + 1 == symtabIndex ? elfClass.symbolSize() : 0;
      sectionHeader(out, (int) (shoff + (long) entry * (i + 1)), names.offset(section.name()), section, offsets[i], link, entrySize);
    }
    return out.array();
  }

  private void header(ByteBuffer out, long shoff, int shnum, int shstrndx) {
    out.put(0, new byte[] {0x7F, 'E', 'L', 'F', (byte) elfClass.identValue(), (byte) (order == ByteOrder.LITTLE_ENDIAN ? 1 : 2), 1});
    out.putShort(16, (short) ElfHeader.ET_REL).putShort(18, (short) machine).putInt(20, 1);
    if (elfClass == ElfClass.ELF32) {
      out.putInt(32, (int) shoff).putShort(40, (short) 52).putShort(46, (short) 40).putShort(48, (short) shnum).putShort(50, (short) shstrndx);
    } else {
      out.putLong(40, shoff).putShort(52, (short) 64).putShort(58, (short) 64).putShort(60, (short) shnum).putShort(62, (short) shstrndx);
    }
  }

  private void sectionHeader(ByteBuffer out, int at, int name, Section section, long offset, int link, long entrySize) {
    out.putInt(at, name).putInt(at + 4, section.type());
    if (elfClass == ElfClass.ELF32) {
      out.putInt(at + 8, (int) section.flags()).putInt(at + 12, (int) section.address()).putInt(at + 16, (int) offset)
          .putInt(at + 20, section.content().length).putInt(at + 24, link).putInt(at + 32, 1).putInt(at + 36, (int) entrySize);
    } else {
      out.putLong(at + 8, section.flags()).putLong(at + 16, section.address()).putLong(at + 24, offset)
          .putLong(at + 32, section.content().length).putInt(at + 40, link).putLong(at + 48, 1).putLong(at + 56, entrySize);
    }
  }

  private static long align(long at) {
    return (at + ALIGN - 1) / ALIGN * ALIGN;
  }

  private static byte[] cString(String string) {
    return (string + "\0").getBytes(StandardCharsets.UTF_8);
  }

  /** A string table under construction: offset 0 is the empty string. */
  private static final class StringTable {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final Map<String, Integer> offsets = new LinkedHashMap<>();

    StringTable() {
      bytes.write(0);
      offsets.put("", 0);
    }

    int add(String string) {
      return offsets.computeIfAbsent(string, s -> {
        int offset = bytes.size();
        bytes.writeBytes(cString(s));
        return offset;
      });
    }

    int offset(String string) {
      return offsets.get(string);
    }

    byte[] bytes() {
      return bytes.toByteArray();
    }
  }
}
