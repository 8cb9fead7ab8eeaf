package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.elf.ElfChannelReader;
import org.kslim.elf.ElfClass;
import org.kslim.elf.ElfHeader;
import org.kslim.elf.ElfSymbol;
import org.kslim.testing.ElfBuilder;
import org.kslim.testing.Mutations;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZOutputStream;

class ModuleParserTest {
  private final ModuleParser parser = new ModuleParser();

  static byte[] storageModule(ElfBuilder builder) {
    return builder
        .modinfo("license=GPL", "alias=usb:v0BC2p*", "alias=usb:v04E6p*", "depends=usbcore", "description")
        .export("usb_stor_probe1", 0xCAFEBABEL)
        .ksymtabString("USB_STORAGE")
        .export("usb_stor_probe2", 0x12345678L)
        .needs("usb_register_driver", 0x0BADF00DL)
        .needsWeak("optional_hook")
        .version("module_layout", 0xFEEDFACEL)
        .build();
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void parsesModinfoExportsAndUndefinedSymbols(ElfClass elfClass, ByteOrder order, int machine) {
    byte[] ko = storageModule(new ElfBuilder(elfClass, order, machine));

    ModuleFile file = parser.parse("kernel/drivers/usb/storage/usb-storage.ko", ko);
    Module module = file.module();

    assertThat(module.name()).isEqualTo("usb_storage");
    assertThat(module.path()).isEqualTo("kernel/drivers/usb/storage/usb-storage.ko");
    assertThat(module.size()).isEqualTo(ko.length);
    assertThat(module.storedSize()).isEqualTo(ko.length);
    assertThat(module.modinfo().values("alias")).containsExactly("usb:v0BC2p*", "usb:v04E6p*");
    assertThat(module.modinfo().first("depends")).contains("usbcore");
    assertThat(module.modinfo().first("description")).contains("");
    assertThat(module.exports()).containsExactly(
        new ModuleSymbol("usb_stor_probe1", 0xCAFEBABEL, true, false),
        new ModuleSymbol("usb_stor_probe2", 0x12345678L, true, false));
    assertThat(module.undefined()).containsExactly(
        new ModuleSymbol("usb_register_driver", 0x0BADF00DL, true, false),
        new ModuleSymbol("optional_hook", 0, false, true),
        new ModuleSymbol("module_layout", 0xFEEDFACEL, true, false));
    assertThat(file.elf()).isEqualTo(new ModuleElf(elfClass, order, machine, file.elf().machineName()));
  }

  @Test
  void describesTheElfOfAModule() {
    ModuleFile file = parser.parse("a.ko", storageModule(new ElfBuilder(ElfClass.ELF64, ByteOrder.BIG_ENDIAN, ElfHeader.EM_S390)));

    assertThat(file.elf().describe()).isEqualTo("ELF64 big-endian s390");
  }

  @Test
  void takesAbsoluteCrcSymbolsAtTheirValue() {
    byte[] ko = ElfBuilder.x86_64()
        .ksymtabString("old_style_export")
        .symbol("__crc_old_style_export", 0x89ABCDEFL, ElfSymbol.Binding.GLOBAL, 0, ElfSymbol.SHN_ABS)
        .build();

    assertThat(parser.parse("old.ko", ko).module().exports())
        .containsExactly(new ModuleSymbol("old_style_export", 0x89ABCDEFL, true, false));
  }

  @Test
  void fallsBackToKsymtabStringsWithoutCrcSymbolsAsKmodDoes() {
    byte[] ko = ElfBuilder.x86_64()
        .section("__ksymtab_strings", 1, 0, "\0\0first\0\0second\0NAMESPACE\0\0".getBytes(StandardCharsets.US_ASCII))
        .build();

    assertThat(parser.parse("nocrc.ko", ko).module().exports()).extracting(ModuleSymbol::name)
        .containsExactly("first", "second", "NAMESPACE");
  }

  @Test
  void splitsModinfoLikeKmodAcrossPaddingAndAnUnterminatedLastString() {
    byte[] ko = ElfBuilder.x86_64()
        .section(".modinfo", 1, 0, "\0\0license=GPL\0\0\0name=x=y\0vermagic=6.1".getBytes(StandardCharsets.US_ASCII))
        .build();

    assertThat(parser.parse("x.ko", ko).module().modinfo().fields()).containsExactly(
        new ModInfo.Field("license", "GPL"), new ModInfo.Field("name", "x=y"), new ModInfo.Field("vermagic", "6.1"));
  }

  @Test
  void derivesModuleNamesAsKmodDoes() {
    assertThat(ModuleParser.moduleName("kernel/fs/nls/nls_iso8859-1.ko.xz")).isEqualTo("nls_iso8859_1");
    assertThat(ModuleParser.moduleName("extra/a-b.c.ko")).isEqualTo("a_b");
    assertThat(ModuleParser.isModuleFileName("x.ko.zst")).isTrue();
    assertThat(ModuleParser.isModuleFileName("x.ko.bz2")).isFalse();
    assertThat(ModuleParser.isModuleFileName("modules.order")).isFalse();
  }

  @Test
  void readsCompressedModulesByTheirMagicBytes() throws IOException {
    byte[] ko = storageModule(ElfBuilder.x86_64());
    Module plain = parser.parse("kernel/u.ko", ko).module();
    for (byte[] stored : List.of(xz(ko), zstd(ko), gzip(ko))) {
      Module module = parser.parse("kernel/u.ko", stored).module();

      assertThat(module.storedSize()).isEqualTo(stored.length).isNotEqualTo(ko.length);
      assertThat(module.size()).isEqualTo(ko.length);
      assertThat(module.exports()).isEqualTo(plain.exports());
      assertThat(module.undefined()).isEqualTo(plain.undefined());
    }
  }

  @ParameterizedTest
  @MethodSource("org.kslim.testing.ElfBuilder#layouts")
  void readsAModuleFileAsItReadsItsBytes(ElfClass elfClass, ByteOrder order, int machine, @TempDir Path dir) throws IOException {
    ElfChannelReader reader = new ElfChannelReader();
    byte[] ko = storageModule(new ElfBuilder(elfClass, order, machine));
    // a larger module first, so the reader's reused buffer holds other bytes where the small one has its own
    byte[] large = storageModule(new ElfBuilder(elfClass, order, machine).section(".text", 1, 0, new byte[1 << 16]));
    Path largeFile = Files.write(dir.resolve("large.ko"), large);
    Path file = Files.write(dir.resolve("usb-storage.ko"), ko);

    assertThat(parser.parse("kernel/large.ko", "tree!large.ko", largeFile, reader))
        .isEqualTo(parser.parse("kernel/large.ko", large));
    assertThat(parser.parse("kernel/usb-storage.ko", "tree!usb-storage.ko", file, reader))
        .isEqualTo(parser.parse("kernel/usb-storage.ko", ko));
  }

  @Test
  void mapsAModuleFileTooLargeToReadARegionAtATime(@TempDir Path dir) throws IOException {
    byte[] huge = storageModule(ElfBuilder.x86_64().section(".text", 1, 0, new byte[(int) ModuleParser.MAX_REGION_READ_SIZE]));
    Path file = Files.write(dir.resolve("huge.ko"), huge);
    ElfChannelReader reader = new ElfChannelReader();

    ModuleFile parsed = parser.parse("kernel/huge.ko", "tree!huge.ko", file, reader);

    assertThat(huge.length).isGreaterThan((int) ModuleParser.MAX_REGION_READ_SIZE);
    assertThat(parsed).isEqualTo(parser.parse("kernel/huge.ko", huge));
    assertThat(parsed.module().storedSize()).isEqualTo(huge.length);
  }

  @Test
  void readsACompressedModuleFileWhole(@TempDir Path dir) throws IOException {
    byte[] ko = storageModule(ElfBuilder.x86_64());
    byte[] stored = zstd(ko);
    Path file = Files.write(dir.resolve("u.ko"), stored);

    Module module = parser.parse("kernel/u.ko", "tree!u.ko", file, new ElfChannelReader()).module();

    assertThat(module.storedSize()).isEqualTo(stored.length);
    assertThat(module).isEqualTo(parser.parse("kernel/u.ko", stored).module());
  }

  @Test
  void refusesAModuleFileLargerThanTheLimitOrMissing(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("u.ko"), storageModule(ElfBuilder.x86_64()));

    assertThatThrownBy(() -> new ModuleParser(100).parse("kernel/u.ko", "tree!u.ko", file, new ElfChannelReader()))
        .isInstanceOf(BadInputException.class)
        .hasMessage("tree!u.ko: larger than the limit of 100 bytes");
    assertThatThrownBy(() -> parser.parse("kernel/v.ko", "tree!v.ko", dir.resolve("v.ko"), new ElfChannelReader()))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("tree!v.ko: cannot read: ");
  }

  @Test
  void limitsWhatAModuleMayDecompressTo() throws IOException {
    byte[] stored = xz(storageModule(ElfBuilder.x86_64()));

    assertThatThrownBy(() -> new ModuleParser(100).parse("kernel/u.ko.xz", stored))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("kernel/u.ko.xz: XZ data decompresses to more than 100 bytes");
  }

  @Test
  void reportsCorruptCompressedDataWithThePath() throws IOException {
    byte[] stored = xz(storageModule(ElfBuilder.x86_64()));
    Arrays.fill(stored, 20, 60, (byte) 0x55);

    assertThatThrownBy(() -> parser.parse("kernel/u.ko.xz", stored))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("kernel/u.ko.xz: corrupt XZ data: ");
  }

  @Test
  void locatesMalformedModulesWithTheirPath() {
    byte[] ko = Arrays.copyOf(storageModule(ElfBuilder.x86_64()), 100);

    assertThatThrownBy(() -> parser.parse("kernel/u.ko", ko))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("kernel/u.ko: malformed ELF at offset ");
  }

  @Test
  void rejectsABadLimit() {
    assertThatThrownBy(() -> new ModuleParser(0)).hasMessage("maxModuleSize must be 1.." + (Integer.MAX_VALUE - 8) + ": 0");
  }

  @Test
  void everyMutatedModuleParsesOrFailsWithAKslimException() throws IOException {
    byte[] module = storageModule(ElfBuilder.x86_64());
    List<byte[]> originals = List.of(module, module, module,
        storageModule(new ElfBuilder(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_PPC)), xz(module), zstd(module), gzip(module));

    Mutations.Outcome outcome = Mutations.run(originals, 3000, 20260101L, bytes -> parser.parse("m.ko", bytes));

    assertThat(outcome.read()).isPositive();
    assertThat(outcome.failed()).isPositive();
  }

  static byte[] xz(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream xz = new XZOutputStream(out, new LZMA2Options())) {
      xz.write(data);
    }
    return out.toByteArray();
  }

  static byte[] zstd(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream zstd = new ZstdOutputStream(out)) {
      zstd.write(data);
    }
    return out.toByteArray();
  }

  static byte[] gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(data);
    }
    return out.toByteArray();
  }
}
