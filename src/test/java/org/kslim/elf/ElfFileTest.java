package org.kslim.elf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kslim.MalformedInputException;
import org.kslim.testing.ElfBuilder;

class ElfFileTest {
  private static byte[] sample(ElfClass elfClass, ByteOrder order, int machine) {
    return new ElfBuilder(elfClass, order, machine)
        .section(".text", ElfSection.SHT_PROGBITS, 0x1000, new byte[] {1, 2, 3, 4})
        .section(".bss", ElfSection.SHT_NOBITS, 0, new byte[64])
        .symbol("local_fn", 2, ElfSymbol.Binding.LOCAL, 2, ".text")
        .symbol("global_fn", 0, ElfSymbol.Binding.GLOBAL, 2, ".text")
        .symbol("printk", 0, ElfSymbol.Binding.GLOBAL, 0, ElfSymbol.SHN_UNDEF)
        .symbol("weak_hook", 0, ElfSymbol.Binding.WEAK, 0, ElfSymbol.SHN_UNDEF)
        .symbol("abs_value", 0xABCDEF, ElfSymbol.Binding.GLOBAL, 0, ElfSymbol.SHN_ABS)
        .symbol("common_buf", 16, ElfSymbol.Binding.GLOBAL, 1, ElfSymbol.SHN_COMMON)
        .modinfo("license=GPL")
        .build();
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void readsHeaderSectionsAndSymbolsInEveryClassAndByteOrder(ElfClass elfClass, ByteOrder order, int machine) {
    ElfFile elf = ElfFile.parse("sample.o", sample(elfClass, order, machine));

    assertThat(elf.header().elfClass()).isEqualTo(elfClass);
    assertThat(elf.header().byteOrder()).isEqualTo(order);
    assertThat(elf.header().machine()).isEqualTo(machine);
    assertThat(elf.header().isRelocatable()).isTrue();
    assertThat(elf.sections()).extracting(ElfSection::name)
        .containsExactly("", ".text", ".bss", ".modinfo", ".symtab", ".strtab", ".shstrtab");
    ElfSection text = elf.section(".text").orElseThrow();
    assertThat(text.address()).isEqualTo(0x1000);
    ByteBuffer bytes = elf.bytes(text);
    assertThat(bytes.isReadOnly()).isTrue();
    assertThat(bytes.order()).isEqualTo(order);
    assertThat(bytes.remaining()).isEqualTo(4);
    assertThat(bytes.get(3)).isEqualTo((byte) 4);
    assertThat(elf.bytes(elf.section(".bss").orElseThrow()).remaining()).isZero();
    assertThat(elf.section(".data")).isEmpty();

    assertThat(elf.symbols()).extracting(ElfSymbol::name)
        .containsExactly("", "local_fn", "global_fn", "printk", "weak_hook", "abs_value", "common_buf");
    ElfSymbol local = elf.symbols().get(1);
    assertThat(local.binding()).isEqualTo(ElfSymbol.Binding.LOCAL);
    assertThat(local.type()).isEqualTo(2);
    assertThat(local.value()).isEqualTo(2);
    assertThat(local.sectionIndex()).isEqualTo(text.index());
    assertThat(elf.symbols().get(3).isUndefined()).isTrue();
    assertThat(elf.symbols().get(4).binding()).isEqualTo(ElfSymbol.Binding.WEAK);
    assertThat(elf.symbols().get(5).isAbsolute()).isTrue();
    assertThat(elf.symbols().get(5).value()).isEqualTo(0xABCDEF);
    assertThat(elf.symbols().get(6).isCommon()).isTrue();
    ElfSection strtab = elf.section(".strtab").orElseThrow();
    assertThat(elf.string(strtab, 1)).isEqualTo("local_fn");
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void readsASymbolTableInPlaceAsTheSymbolsList(ElfClass elfClass, ByteOrder order, int machine) {
    ElfFile elf = ElfFile.parse("sample.o", sample(elfClass, order, machine));
    ElfSymbolTable table = elf.symbolTable(elf.section(".symtab").orElseThrow());

    assertThat(table.count()).isEqualTo(7);
    for (int i = 0; i < table.count(); i++) {
      assertThat(table.symbol(i)).isEqualTo(elf.symbols().get(i));
    }
    assertThat(table.nameIsEmpty(0)).isTrue();
    assertThat(table.nameIsEmpty(3)).isFalse();
    assertThat(table.nameStartsWith(1, "local_")).isTrue();
    assertThat(table.nameStartsWith(1, "local_fn_and_more")).isFalse();
    assertThat(table.nameStartsWith(2, "local_")).isFalse();
    assertThat(table.name(4)).isEqualTo("weak_hook");
    assertThat(table.sectionIndex(3)).isEqualTo(ElfSymbol.SHN_UNDEF);
    assertThat(table.binding(4)).isEqualTo(ElfSymbol.Binding.WEAK);
    assertThat(table.value(5)).isEqualTo(0xABCDEF);
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void findsASectionByItsWholeNameOnly(ElfClass elfClass, ByteOrder order, int machine) {
    ElfFile elf = ElfFile.parse("names.o", new ElfBuilder(elfClass, order, machine)
        .section(".text.unlikely", ElfSection.SHT_PROGBITS, 0, new byte[] {1})
        .section(".text", ElfSection.SHT_PROGBITS, 0, new byte[] {2, 3})
        .section("t", ElfSection.SHT_PROGBITS, 0, new byte[] {4})
        .build());

    assertThat(elf.section(".text").orElseThrow().index()).isEqualTo(2);
    assertThat(elf.section(".text.unlikely").orElseThrow().index()).isEqualTo(1);
    assertThat(elf.section("t").orElseThrow().index()).isEqualTo(3);
    assertThat(elf.section(".tex")).isEmpty();
    assertThat(elf.section(".text.unlikely.more")).isEmpty();
    assertThat(elf.section("")).isEmpty();
    for (ElfSection section : elf.sections()) {
      assertThat(elf.section(section.index())).isEqualTo(section);
      if (section.index() > 0) {
        assertThat(elf.section(section.name())).contains(section);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void readsABufferWithoutAnAccessibleArrayAsOneWithIt(ElfClass elfClass, ByteOrder order, int machine) {
    byte[] data = sample(elfClass, order, machine);
    ElfFile fromArray = ElfFile.parse("sample.o", data);
    ElfFile fromView = ElfFile.parse("sample.o", ByteBuffer.wrap(data).asReadOnlyBuffer());

    assertThat(ByteBuffer.wrap(data).asReadOnlyBuffer().hasArray()).isFalse();
    assertThat(fromView.header()).isEqualTo(fromArray.header());
    assertThat(fromView.sections()).isEqualTo(fromArray.sections());
    assertThat(fromView.symbols()).isEqualTo(fromArray.symbols());
  }

  @Test
  void namesMachinesItKnows() {
    assertThat(ElfFile.parse("a.o", sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_AARCH64)).header().machineName())
        .isEqualTo("aarch64");
    assertThat(ElfFile.parse("a.o", sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, 9999)).header().machineName())
        .isEqualTo("machine-9999");
  }

  @Test
  void readsTheExtendedSectionCountAndNameIndexFromSectionZero() {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    long shoff = buffer.getLong(40);
    int count = buffer.getShort(60);
    int names = buffer.getShort(62);
    buffer.putShort(60, (short) 0).putShort(62, (short) ElfSymbol.SHN_XINDEX);
    buffer.putLong((int) shoff + 32, count).putInt((int) shoff + 40, names);

    ElfFile elf = ElfFile.parse("extended.o", data);

    assertThat(elf.header().sectionCount()).isEqualTo(count);
    assertThat(elf.header().sectionNamesIndex()).isEqualTo(names);
    assertThat(elf.section(".modinfo")).isPresent();
  }

  @Test
  void acceptsAFileWithoutSectionHeaders() {
    byte[] data = Arrays.copyOf(sample(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_PPC), 52);
    ByteBuffer.wrap(data).putInt(32, 0).putShort(48, (short) 0).putShort(50, (short) 0);

    ElfFile elf = ElfFile.parse("bare.o", data);

    assertThat(elf.sections()).isEmpty();
    assertThat(elf.symbols()).isEmpty();
  }

  @Test
  void rejectsASectionPastTheEndOfTheFile() {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int textHeader = (int) buffer.getLong(40) + 64;
    buffer.putLong(textHeader + 24, data.length - 2L);

    assertMalformed(data, "broken.o: malformed ELF at offset " + (data.length - 2), "section 1 of 4 bytes", "runs past the end");
  }

  static Stream<Arguments> brokenHeaderFields() {
    return Stream.of(
        Arguments.of(ElfClass.ELF32, 48, 0xFFFE, "section count 65534 does not fit"),
        Arguments.of(ElfClass.ELF64, 60, 0xFFFF, "section count 65535 does not fit"),
        Arguments.of(ElfClass.ELF64, 58, 40, "section header entry size 40, expected 64"),
        Arguments.of(ElfClass.ELF32, 46, 64, "section header entry size 64, expected 40"),
        Arguments.of(ElfClass.ELF64, 62, 0x7000, "section-name table index 28672 is not below the section count"));
  }

  @ParameterizedTest
  @MethodSource("brokenHeaderFields")
  void rejectsBrokenHeaderFieldsBeforeAllocating(ElfClass elfClass, int field, int value, String reason) {
    byte[] data = sample(elfClass, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putShort(field, (short) value);

    assertMalformed(data, reason);
  }

  @Test
  void rejectsAnAbsurdExtendedSectionCount() {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.BIG_ENDIAN, ElfHeader.EM_S390);
    ByteBuffer buffer = ByteBuffer.wrap(data);
    buffer.putShort(60, (short) 0).putLong((int) buffer.getLong(40) + 32, Long.MAX_VALUE);

    assertMalformed(data, "section count " + Long.MAX_VALUE + " does not fit");
  }

  @Test
  void rejectsASymbolNameOffsetPastTheStringTable() {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    ElfFile valid = ElfFile.parse("ok.o", data);
    long symbol = valid.section(".symtab").orElseThrow().offset() + 24;
    ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN).putInt((int) symbol, 100_000);
    ElfFile elf = ElfFile.parse("broken.o", data);

    assertThatThrownBy(elf::symbols).isInstanceOf(MalformedInputException.class)
        .hasMessage("broken.o: malformed ELF at offset " + symbol + ": symbol 1 name offset 100000 is past the end of section 5 (.strtab) ("
            + valid.section(".strtab").orElseThrow().size() + " bytes)");
  }

  @Test
  void rejectsAStringWithoutItsTerminatingNul() {
    byte[] data = sample(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_PPC);
    ElfSection strtab = ElfFile.parse("ok.o", data).section(".strtab").orElseThrow();
    data[(int) (strtab.offset() + strtab.size() - 1)] = 'x';
    ElfFile elf = ElfFile.parse("broken.o", data);

    assertThatThrownBy(elf::symbols).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("broken.o: malformed ELF at offset ")
        .hasMessageContaining("is not NUL-terminated before offset " + (strtab.offset() + strtab.size()));
  }

  @Test
  void rejectsATruncatedFile() {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);

    assertMalformed(Arrays.copyOf(data, data.length / 2), "section header 0 of 64 bytes at offset", "runs past the end of the file");
    assertMalformed(Arrays.copyOf(data, 40), "ELF file header of 64 bytes at offset 0 runs past the end of the file (40 bytes)");
    assertMalformed(Arrays.copyOf(data, 8), "file of 8 bytes is too short");
  }


  @Test
  void rejectsAWrongSymbolEntrySize() {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    ElfFile valid = ElfFile.parse("ok.o", data);
    ByteBuffer buffer = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    int symtabHeader = (int) (buffer.getLong(40) + 64L * valid.section(".symtab").orElseThrow().index());
    buffer.putLong(symtabHeader + 56, 16);

    assertThatThrownBy(() -> ElfFile.parse("broken.o", data).symbols()).isInstanceOf(MalformedInputException.class)
        .hasMessageContaining("section 4 (.symtab) entry size 16, expected 24");
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void readsAFileFromAChannelAsFromMemory(ElfClass elfClass, ByteOrder order, int machine, @TempDir Path dir) throws IOException {
    byte[] data = sample(elfClass, order, machine);
    ElfFile resident = ElfFile.parse("sample.o", data);

    try (FileChannel channel = FileChannel.open(Files.write(dir.resolve("sample.o"), data))) {
      ElfFile elf = new ElfChannelReader().read("sample.o", channel, data.length);

      assertThat(elf.header()).isEqualTo(resident.header());
      assertThat(elf.sections()).isEqualTo(resident.sections());
      assertThat(elf.symbols()).isEqualTo(resident.symbols());
      for (ElfSection section : elf.sections()) {
        assertThat(elf.bytes(section)).isEqualTo(resident.bytes(section));
      }
    }
  }

  @Test
  void failsToReadAFileShorterThanItWasWhenOpened(@TempDir Path dir) throws IOException {
    // larger than what is read whole, so its sections are read after it was opened
    byte[] data = new ElfBuilder(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64)
        .section(".text", ElfSection.SHT_PROGBITS, 0, new byte[ElfChannelReader.WHOLE_READ]).build();
    Path file = Files.write(dir.resolve("sample.o"), data);

    try (FileChannel channel = FileChannel.open(file)) {
      ElfFile elf = new ElfChannelReader().read("sample.o", channel, data.length);
      try (FileChannel writer = FileChannel.open(file, StandardOpenOption.WRITE)) {
        writer.truncate(0);
      }

      assertThatThrownBy(() -> elf.bytes(elf.section(".text").orElseThrow()))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessageStartingWith("cannot read section .text at offset ")
          .hasMessageContaining("the file ended at offset ");
    }
  }

  @Test
  void failsToReadASmallFileShorterThanItsGivenSize(@TempDir Path dir) throws IOException {
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    Path file = Files.write(dir.resolve("sample.o"), Arrays.copyOf(data, data.length - 1));

    try (FileChannel channel = FileChannel.open(file)) {
      assertThatThrownBy(() -> new ElfChannelReader().read("sample.o", channel, data.length))
          .isInstanceOf(UncheckedIOException.class)
          .hasMessage("cannot read: the file ended at offset " + (data.length - 1) + ", before the " + data.length
              + " bytes it had when it was opened");
    }
  }

  @Test
  void rejectsWhatIsNoElf() {
    assertMalformed("MZ not an ELF file".getBytes(StandardCharsets.US_ASCII), "malformed ELF at offset 0: no ELF magic");
    byte[] data = sample(ElfClass.ELF64, ByteOrder.LITTLE_ENDIAN, ElfHeader.EM_X86_64);
    data[4] = 3;
    assertMalformed(data, "malformed ELF at offset 4: unknown ELF class 3");
  }

  private static void assertMalformed(byte[] data, String... parts) {
    assertThatThrownBy(() -> ElfFile.parse("broken.o", data))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("broken.o: malformed ELF at offset ")
        .hasMessageContainingAll(parts);
  }
}
