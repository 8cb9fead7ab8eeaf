package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.UsageException;
import org.kslim.elf.ElfClass;
import org.kslim.elf.ElfHeader;
import org.kslim.elf.ElfSection;
import org.kslim.testing.ElfBuilder;
import org.kslim.testing.LimitProperties;
import org.kslim.testing.Mutations;

class KernelExportsTest {
  private static final long STRINGS = 0xffffffff82000000L;
  private static final long KSYMTAB = 0xffffffff81f00000L;
  private static final long KSYMTAB_GPL = 0xffffffff81f80000L;

  @TempDir Path temp;

  private static final String SYMVERS = String.join("\n",
      "0x4c9d28b0\tphys_base\tvmlinux\tEXPORT_SYMBOL\t",
      "0x84b45156\tinsert_resource_expand_to_fit\tvmlinux\tEXPORT_SYMBOL_GPL\tCXL",
      "0x5af2c8fe\tvirtqueue_add_sgs\tdrivers/virtio/virtio_ring\tEXPORT_SYMBOL_GPL\t",
      "");

  @Test
  void readsModuleSymversWithOwnersTypesAndNamespaces() throws IOException {
    KernelExports exports = KernelExports.fromSymvers("Module.symvers", stream(SYMVERS));

    assertThat(exports.size()).isEqualTo(3);
    assertThat(exports.get("insert_resource_expand_to_fit")).contains(
        new KernelExport("insert_resource_expand_to_fit", 0x84b45156L, true, "vmlinux", "EXPORT_SYMBOL_GPL", "CXL"));
    assertThat(exports.get("virtqueue_add_sgs").orElseThrow().owner()).isEqualTo("drivers/virtio/virtio_ring");
    assertThat(exports.kernelOnly().all()).extracting(KernelExport::name).containsExactly("phys_base", "insert_resource_expand_to_fit");
  }

  @Test
  void readsModuleSymversFromAFileAndNamesTheBadLine() throws IOException {
    Path file = Files.writeString(temp.resolve("Module.symvers"), SYMVERS + "0xzz\tbad\tvmlinux\tEXPORT_SYMBOL\t\n");

    assertThatThrownBy(() -> KernelExports.fromSymvers(file)).isInstanceOf(BadInputException.class)
        .hasMessage(file + ":4: CRC is not a hexadecimal number: 0xzz");
    assertThatThrownBy(() -> KernelExports.fromSymvers("s", stream("just one field\n"))).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("s:1: expected CRC, symbol, module");
    assertThatThrownBy(() -> KernelExports.fromSymvers(temp.resolve("missing"))).isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(temp.resolve("missing") + ": cannot read: ");
  }

  @Test
  void readsSystemMapExportsWithAbsoluteCrcsOnly() throws IOException {
    String map = String.join("\n",
        "ffffffff81000000 T _text",
        "0000000012345678 A __crc_old_export",
        "ffffffff82000010 r __crc_new_export",
        "ffffffff81f00000 r __ksymtab_old_export",
        "ffffffff81f0000c r __ksymtab_new_export",
        "ffffffff81f80000 R __start___ksymtab_gpl",
        "");
    Path file = Files.writeString(temp.resolve("System.map"), map);

    KernelExports exports = KernelExports.fromSystemMap(file);

    assertThat(exports.all()).containsExactly(
        new KernelExport("old_export", 0x12345678L, true, "vmlinux", "", ""),
        new KernelExport("new_export", 0, false, "vmlinux", "", ""));
    assertThatThrownBy(() -> KernelExports.fromSystemMap("m", stream("ffff T\n"))).hasMessage("m:1: expected ADDRESS TYPE NAME: ffff T");
    assertThatThrownBy(() -> KernelExports.fromSystemMap("System.map-6.1.0-9-amd64",
        stream("ffffffffffffffff B The real System.map is in the linux-image-<version>-dbg package\n")))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith("System.map-6.1.0-9-amd64: names no exported symbol");
  }

  @Test
  void findsModuleSymversInAHeadersPackage() throws IOException {
    MemoryPackage headers = new MemoryPackage("linux-headers.deb")
        .file("usr/src/linux-headers-6.1.0-9-amd64/.config", "CONFIG_X=y")
        .file("usr/src/linux-headers-6.1.0-9-amd64/Module.symvers", SYMVERS);

    KernelExports exports = KernelExports.fromHeadersPackage(headers);

    assertThat(exports.size()).isEqualTo(3);
    assertThat(exports.source()).isEqualTo("linux-headers.deb!usr/src/linux-headers-6.1.0-9-amd64/Module.symvers");
    assertThatThrownBy(() -> KernelExports.fromHeadersPackage(new MemoryPackage("common.deb").file("a", "b")))
        .isInstanceOf(BadInputException.class).hasMessage("common.deb: holds no Module.symvers");
  }

  /** A vmlinux with relative (x86-64) export entries: two plain exports, one GPL export in a namespace. */
  static byte[] vmlinux() {
    byte[] strings = "\0printk\0usb_stor_probe\0USB_STORAGE\0kfree\0".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer ksymtab = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
    relativeEntry(ksymtab, KSYMTAB, 0, 1, 0);
    relativeEntry(ksymtab, KSYMTAB, 12, 35, 0);
    ByteBuffer gpl = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    relativeEntry(gpl, KSYMTAB_GPL, 0, 8, 23);
    return ElfBuilder.x86_64()
        .section("__ksymtab", ElfSection.SHT_PROGBITS, KSYMTAB, ksymtab.array())
        .section("__ksymtab_gpl", ElfSection.SHT_PROGBITS, KSYMTAB_GPL, gpl.array())
        .section("__kcrctab", ElfSection.SHT_PROGBITS, 0, crcs(ByteOrder.LITTLE_ENDIAN, 0x11111111, 0x22222222))
        .section("__kcrctab_gpl", ElfSection.SHT_PROGBITS, 0, crcs(ByteOrder.LITTLE_ENDIAN, 0x33333333))
        .section("__ksymtab_strings", ElfSection.SHT_PROGBITS, STRINGS, strings)
        .build();
  }

  private static void relativeEntry(ByteBuffer table, long tableAddress, int at, int name, int namespace) {
    long entry = tableAddress + at;
    table.putInt(at, 0x1000);
    table.putInt(at + 4, (int) (STRINGS + name - (entry + 4)));
    table.putInt(at + 8, namespace == 0 ? 0 : (int) (STRINGS + namespace - (entry + 8)));
  }

  private static byte[] crcs(ByteOrder order, int... values) {
    ByteBuffer buffer = ByteBuffer.allocate(4 * values.length).order(order);
    for (int value : values) {
      buffer.putInt(value);
    }
    return buffer.array();
  }

  private static final List<KernelExport> VMLINUX_EXPORTS = List.of(
      new KernelExport("printk", 0x11111111L, true, "vmlinux", "EXPORT_SYMBOL", ""),
      new KernelExport("kfree", 0x22222222L, true, "vmlinux", "EXPORT_SYMBOL", ""),
      new KernelExport("usb_stor_probe", 0x33333333L, true, "vmlinux", "EXPORT_SYMBOL_GPL", "USB_STORAGE"));

  @Test
  void readsTheExportTablesOfAnElfVmlinux() {
    assertThat(KernelExports.fromImage("vmlinux", vmlinux(), 1 << 20).all()).isEqualTo(VMLINUX_EXPORTS);
  }

  @Test
  void readsAbsolutePointerEntriesOfA32BitBigEndianVmlinux() {
    long strings = 0xC0800000L;
    byte[] names = "\0printk\0".getBytes(StandardCharsets.US_ASCII);
    ByteBuffer ksymtab = ByteBuffer.allocate(12).putInt(0, 0xC0001000).putInt(4, (int) (strings + 1)).putInt(8, 0);
    byte[] image = new ElfBuilder(ElfClass.ELF32, ByteOrder.BIG_ENDIAN, ElfHeader.EM_PPC)
        .section("__ksymtab", ElfSection.SHT_PROGBITS, 0xC0700000L, ksymtab.array())
        .section("__ksymtab_strings", ElfSection.SHT_PROGBITS, strings, names)
        .build();

    assertThat(KernelExports.fromImage("vmlinux", image, 1 << 20).all())
        .containsExactly(new KernelExport("printk", 0, false, "vmlinux", "EXPORT_SYMBOL", ""));
  }

  @Test
  void readsTheCompressedVmlinuxOfABzImage() throws IOException {
    byte[] elf = vmlinux();
    for (byte[] payload : List.of(withSize(ModuleParserTest.xz(elf), elf.length), withSize(ModuleParserTest.zstd(elf), elf.length),
        ModuleParserTest.gzip(elf), withSize(Lz4LegacyTest.legacy(Lz4LegacyTest.block(elf)), elf.length))) {
      Path image = Files.write(temp.resolve("vmlinuz"), bzImage(payload));

      assertThat(KernelExports.fromImage(image).all()).isEqualTo(VMLINUX_EXPORTS);
    }
  }

  @Test
  void refusesAnImageFileLargerThanTheLimitBeforeReadingIt() throws Exception {
    Path image = Files.write(temp.resolve("vmlinuz"), bzImage(ModuleParserTest.gzip(vmlinux())));

    LimitProperties.with(KernelExports.IMAGE_SIZE, "1K", () -> assertThatThrownBy(() -> KernelExports.fromImage(image))
        .isInstanceOf(BadInputException.class)
        .hasMessage(image + ": an image of " + Files.size(image) + " bytes exceeds the limit of 1024 bytes"));
  }

  @Test
  void asksForSymversWhenTheImageIsRaw() {
    byte[] arm64 = new byte[4096];
    arm64[56] = 'A';

    assertThatThrownBy(() -> KernelExports.fromImage("Image", arm64, 1 << 20))
        .isInstanceOf(UsageException.class)
        .hasMessageContaining("Image is a raw kernel image")
        .hasMessageContaining("pass --symvers");
  }

  @Test
  void readsACompressedElfVmlinuxAndRefusesACompressedRawImage() throws IOException {
    assertThat(KernelExports.fromImage("vmlinux.xz", ModuleParserTest.xz(vmlinux()), 1 << 20).all()).isEqualTo(VMLINUX_EXPORTS);
    assertThatThrownBy(() -> KernelExports.fromImage("vmlinuz", ModuleParserTest.gzip(new byte[4096]), 1 << 20))
        .isInstanceOf(UsageException.class)
        .hasMessageStartingWith("vmlinuz is a GZIP-compressed raw kernel image (neither ELF nor an x86 bzImage)");
  }

  @Test
  void rejectsABzImageWhosePayloadRunsPastItsEnd() throws IOException {
    byte[] image = bzImage(ModuleParserTest.gzip(vmlinux()));
    ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN).putInt(0x24C, image.length);

    assertThatThrownBy(() -> KernelExports.fromImage("vmlinuz", image, 1 << 20))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith("vmlinuz: malformed bzImage at offset 584: payload of " + image.length + " bytes at 1024");
  }

  @Test
  void rejectsAVmlinuxWithoutExportTables() {
    byte[] elf = ElfBuilder.x86_64().section("__ksymtab_strings", ElfSection.SHT_PROGBITS, 0, new byte[] {0}).build();

    assertThatThrownBy(() -> KernelExports.fromImage("vmlinux", elf, 1 << 20))
        .isInstanceOf(BadInputException.class).hasMessage("vmlinux: vmlinux has no __ksymtab or __ksymtab_gpl section");
  }

  @Test
  void readsTheImageEntryOfAPackage() throws IOException {
    MemoryPackage pkg = new MemoryPackage("linux-image.deb")
        .file("boot/vmlinuz-6.1.0-9-amd64", bzImage(ModuleParserTest.gzip(vmlinux())));

    assertThat(KernelExports.fromPackageImage(pkg, "boot/vmlinuz-6.1.0-9-amd64").all()).isEqualTo(VMLINUX_EXPORTS);
    assertThatThrownBy(() -> KernelExports.fromPackageImage(pkg, "boot/vmlinuz-x"))
        .hasMessage("linux-image.deb: holds no file boot/vmlinuz-x");
  }

  @Test
  void everyMutatedImageReadsOrFailsWithAKslimException() throws IOException {
    byte[] elf = vmlinux();
    List<byte[]> originals = List.of(elf, bzImage(withSize(Lz4LegacyTest.legacy(Lz4LegacyTest.block(elf)), elf.length)),
        bzImage(ModuleParserTest.gzip(elf)));

    Mutations.Outcome outcome = Mutations.run(originals, 1500, 99L, bytes -> KernelExports.fromImage("vmlinuz", bytes, 1 << 20));

    assertThat(outcome.read()).isPositive();
    assertThat(outcome.failed()).isPositive();
  }

  /** A minimal bzImage: one setup sector, header 2.15, the payload right after the setup code. */
  private static byte[] bzImage(byte[] payload) {
    int base = 2 * 512;
    ByteBuffer image = ByteBuffer.allocate(base + payload.length).order(ByteOrder.LITTLE_ENDIAN);
    image.put(0x1F1, (byte) 1).put(0x202, "HdrS".getBytes(StandardCharsets.US_ASCII)).putShort(0x206, (short) 0x20F);
    image.putInt(0x248, 0).putInt(0x24C, payload.length).put(base, payload);
    return image.array();
  }

  private static byte[] withSize(byte[] compressed, int size) {
    return ByteBuffer.allocate(compressed.length + 4).order(ByteOrder.LITTLE_ENDIAN).put(compressed).putInt(size).array();
  }

  private static ByteArrayInputStream stream(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
