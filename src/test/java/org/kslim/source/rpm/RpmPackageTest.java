package org.kslim.source.rpm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.cpio.CpioConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.source.Compression;
import org.kslim.source.Entry;
import org.kslim.source.EntryCollector;
import org.kslim.source.EntryType;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.source.PackageReader;
import org.kslim.source.SourceLimits;

class RpmPackageTest {
  private static final String MODULES = "usr/lib/modules/6.12.0-1.fc41.x86_64";
  /** Lead (96) + signature header (16 + 2 * 16 + 7 bytes of data, padded to 56). */
  private static final int MAIN_HEADER = 152;

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"NONE", "GZIP", "XZ", "ZSTD", "BZIP2", "LZMA"})
  void streamsAMergedUsrPayloadInEveryCompression(Compression compression) throws IOException {
    Path rpm = kernel().compression(compression).write(dir.resolve("k.rpm"));

    KernelPackage pkg = PackageReader.open(rpm);
    EntryCollector entries = EntryCollector.of(pkg);

    assertThat(pkg.format()).isEqualTo(PackageFormat.RPM);
    assertThat(entries.paths()).containsExactly(MODULES, MODULES + "/kernel/fs/ext4.ko", MODULES + "/build",
        MODULES + "/modules.order");
    Entry ko = entries.entry(MODULES + "/kernel/fs/ext4.ko");
    assertThat(ko).isEqualTo(new Entry(ko.path(), EntryType.FILE, 0644, "kmod", "root", 1_700_000_000L, 7, null));
    assertThat(entries.content(ko.path())).asString(StandardCharsets.UTF_8).isEqualTo("ELF ko!");
    Entry build = entries.entry(MODULES + "/build");
    assertThat(build.type()).isEqualTo(EntryType.SYMLINK);
    assertThat(build.linkTarget()).isEqualTo("/usr/src/kernels/6.12.0-1.fc41.x86_64");
    assertThat(entries.entry(MODULES).type()).isEqualTo(EntryType.DIRECTORY);
    assertThat(entries.entry(MODULES).mode()).isEqualTo(0755);
  }

  @Test
  void readsTheCrcCpioFormat() throws IOException {
    Path rpm = kernel().cpioFormat(CpioConstants.FORMAT_NEW_CRC).write(dir.resolve("k.rpm"));

    EntryCollector entries = EntryCollector.of(PackageReader.open(rpm));

    assertThat(entries.content(MODULES + "/modules.order")).asString(StandardCharsets.UTF_8).isEqualTo("kernel/fs/ext4.ko\n");
  }

  @Test
  void readsNameVersionFieldsAndScripts() throws IOException {
    Path rpm = kernel().script(RpmTag.POSTIN, "depmod -a\n").script(RpmTag.PREUN, "true\n").write(dir.resolve("k.rpm"));

    RpmPackage pkg = (RpmPackage) PackageReader.open(rpm);
    PackageInfo info = pkg.info();

    assertThat(info).extracting(PackageInfo::name, PackageInfo::version, PackageInfo::release, PackageInfo::architecture,
        PackageInfo::license).containsExactly("kernel-modules", "6.12.0", "1.fc41", "x86_64", "GPL-2.0-only");
    assertThat(info.fields()).containsEntry("PAYLOADCOMPRESSOR", "zstd").containsEntry("POSTINPROG", "/bin/sh -e")
        .containsEntry("BUILDTIME", "1700000000").containsEntry("NAME", "kernel-modules");
    assertThat(info.scripts()).containsOnlyKeys("%post", "%preun").containsEntry("%post", "depmod -a\n");
    assertThat(pkg.lead().name()).isEqualTo("kernel-modules-6.12.0-1");
    assertThat(pkg.header().fileOffset()).isEqualTo(MAIN_HEADER);
    assertThat(pkg.header().strings(RpmTag.BASENAMES.number())).containsExactly("6.12.0-1.fc41.x86_64", "ext4.ko", "build",
        "modules.order");
    assertThat(pkg.signature().numbers(1000)).containsExactly(1234L);
  }

  @Test
  void reportsHardLinksAsOneFileThenLinksToIt() throws IOException {
    byte[] ko = "shared content".getBytes(StandardCharsets.UTF_8);
    Path rpm = new RpmBuilder().directory("./" + MODULES)
        .hardlinks(ko, "./" + MODULES + "/a.ko", "./" + MODULES + "/b.ko", "./" + MODULES + "/c.ko")
        .write(dir.resolve("k.rpm"));

    EntryCollector entries = EntryCollector.of(PackageReader.open(rpm));

    assertThat(entries.paths()).containsExactly(MODULES, MODULES + "/c.ko", MODULES + "/a.ko", MODULES + "/b.ko");
    assertThat(entries.entry(MODULES + "/c.ko").type()).isEqualTo(EntryType.FILE);
    assertThat(entries.content(MODULES + "/c.ko")).isEqualTo(ko);
    assertThat(entries.entry(MODULES + "/a.ko")).extracting(Entry::type, Entry::linkTarget, Entry::size)
        .containsExactly(EntryType.HARDLINK, MODULES + "/c.ko", 0L);
    assertThat(entries.entry(MODULES + "/b.ko").linkTarget()).isEqualTo(MODULES + "/c.ko");
  }

  @Test
  void refusesPathTraversalInTheCpio() throws IOException {
    Path rpm = kernel().file("./usr/../../etc/passwd", "root::0:0").write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(rpm)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(rpm + "!./usr/../../etc/passwd: path escapes the package root");
  }

  @Test
  void refusesAHeaderClaimingAHugeIndexCount() throws IOException {
    Path rpm = kernel().mainHeader(intro(0x7FFF_FFFF, 64)).write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(rpm + ": malformed rpm at offset " + (MAIN_HEADER + 8) + ": header index count 2147483647 exceeds 65535");
  }

  @Test
  void refusesAHeaderClaimingAHugeDataSize() throws IOException {
    Path rpm = kernel().mainHeader(intro(1, 0xFFFF_FFF0)).write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(rpm + ": malformed rpm at offset " + (MAIN_HEADER + 12)
            + ": header data size 4294967280 exceeds the limit of 268435456 bytes");
  }

  @Test
  void refusesAHeaderLongerThanTheFile() throws IOException {
    Path rpm = kernel().mainHeader(intro(2, 1000)).write(dir.resolve("k.rpm"));
    long left = Files.size(rpm) - MAIN_HEADER;

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(rpm + ": malformed rpm at offset " + MAIN_HEADER + ": header of 1048 bytes runs past the end of the file ("
            + left + " bytes left)");
  }

  @Test
  void refusesAnIndexEntryPointingPastTheStore() throws IOException {
    RpmBuilder builder = kernel();
    builder.header().raw(new IndexEntry(RpmTag.VENDOR.number(), TagType.STRING, 1 << 20, 1));
    Path rpm = builder.write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageMatching(java.util.regex.Pattern.quote(rpm + ": malformed rpm at offset ")
            + "\\d+: tag 1011 data offset 1048576 is past the data store \\(\\d+ bytes\\)");
  }

  @Test
  void refusesAnIntArrayRunningPastTheStore() throws IOException {
    RpmBuilder builder = kernel();
    builder.header().raw(new IndexEntry(RpmTag.SIZE.number(), TagType.INT32, 0, 100_000));
    Path rpm = builder.write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageContaining(": tag 1009 count 100000 exceeds the data store");
  }

  @Test
  void refusesAStringWithoutTerminator() throws IOException {
    RpmHeaderWriter header = new RpmHeaderWriter().bin(RpmTag.DESCRIPTION.number() + 10_000, "abc".getBytes(StandardCharsets.US_ASCII))
        .raw(new IndexEntry(RpmTag.NAME.number(), TagType.STRING, 0, 1));
    Path rpm = kernel().mainHeader(header.build()).write(dir.resolve("k.rpm"));

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(rpm + ": malformed rpm at offset " + (MAIN_HEADER + 16 + 32) + ": tag 1000 string 0 has no terminating NUL in the data store");
  }

  @Test
  void failsOnATruncatedPayload() throws IOException {
    byte[] whole = kernel().compression(Compression.NONE).file("./" + MODULES + "/big.ko", new byte[5000], "root").build();
    Path rpm = Files.write(dir.resolve("k.rpm"), Arrays.copyOf(whole, whole.length - 3000));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(rpm)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(rpm + "!" + MODULES + "/big.ko: malformed cpio at offset ");
  }

  @Test
  void failsOnATruncatedCompressedPayload() throws IOException {
    byte[] whole = kernel().compression(Compression.ZSTD).build();
    Path rpm = Files.write(dir.resolve("k.rpm"), Arrays.copyOf(whole, whole.length - 20));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(rpm)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(rpm + "!payload: malformed ZSTD at offset ");
  }

  @Test
  void failsOnATruncatedLead() throws IOException {
    Path rpm = Files.write(dir.resolve("k.rpm"), Arrays.copyOf(kernel().build(), 50));

    assertThatThrownBy(() -> PackageReader.open(rpm))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(rpm + ": malformed rpm at offset 50: file ends inside the 96-byte lead");
  }

  @Test
  void failsOnADecompressionBomb() throws IOException {
    Path rpm = kernel().compression(Compression.XZ).file("./zeros", new byte[4 << 20], "root").write(dir.resolve("k.rpm"));
    assertThat(Files.size(rpm)).isLessThan(20_000);

    KernelPackage pkg = PackageReader.open(rpm, SourceLimits.DEFAULTS.withMaxPayloadSize(1 << 20));

    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage(rpm + "!payload: XZ data decompresses to more than 1048576 bytes (limit)");
  }

  private static RpmBuilder kernel() {
    return new RpmBuilder()
        .directory("./" + MODULES)
        .file("./" + MODULES + "/kernel/fs/ext4.ko", "ELF ko!".getBytes(StandardCharsets.UTF_8), "kmod")
        .symlink("./" + MODULES + "/build", "/usr/src/kernels/6.12.0-1.fc41.x86_64")
        .file("./" + MODULES + "/modules.order", "kernel/fs/ext4.ko\n");
  }

  private static byte[] intro(int indexCount, int dataSize) {
    return ByteBuffer.allocate(16).putInt(0x8EADE801).putInt(0).putInt(indexCount).putInt(dataSize).array();
  }

}
