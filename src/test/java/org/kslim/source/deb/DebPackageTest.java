package org.kslim.source.deb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.regex.Pattern;
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
import org.kslim.source.HostXzDecoder;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.source.PackageReader;
import org.kslim.source.SourceLimits;
import org.kslim.testing.LimitProperties;

class DebPackageTest {
  private static final String KO = "./lib/modules/6.1.0-56-amd64/kernel/fs/ext4.ko";

  @TempDir Path dir;

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"NONE", "GZIP", "XZ", "ZSTD", "BZIP2", "LZMA"})
  void streamsDataTarInEveryCompression(Compression compression) throws IOException {
    Path deb = kernel().dataCompression(compression).write(dir.resolve("k.deb"));

    KernelPackage pkg = PackageReader.open(deb);
    EntryCollector entries = EntryCollector.of(pkg);

    assertThat(pkg.format()).isEqualTo(PackageFormat.DEB);
    assertThat(entries.paths()).containsExactly("boot", "boot/vmlinuz-6.1.0-56-amd64", "lib", "lib/modules",
        "lib/modules/6.1.0-56-amd64", "lib/modules/6.1.0-56-amd64/kernel/fs/ext4.ko",
        "lib/modules/6.1.0-56-amd64/build", "lib/modules/6.1.0-56-amd64/kernel/fs/ext4-copy.ko");
    Entry ko = entries.entry("lib/modules/6.1.0-56-amd64/kernel/fs/ext4.ko");
    assertThat(ko).isEqualTo(new Entry(ko.path(), EntryType.FILE, 0644, "root", "root", 1_700_000_000L, 7, null));
    assertThat(entries.content(ko.path())).asString(StandardCharsets.UTF_8).isEqualTo("ELF ko!");
    assertThat(entries.entry("lib/modules/6.1.0-56-amd64/build").linkTarget()).isEqualTo("/usr/src/linux-headers-6.1.0-56-amd64");
    Entry copy = entries.entry("lib/modules/6.1.0-56-amd64/kernel/fs/ext4-copy.ko");
    assertThat(copy.type()).isEqualTo(EntryType.HARDLINK);
    assertThat(copy.linkTarget()).isEqualTo("lib/modules/6.1.0-56-amd64/kernel/fs/ext4.ko");
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"NONE", "GZIP", "XZ", "ZSTD"})
  void readsControlFieldsAndScriptsInEveryCompression(Compression compression) throws IOException {
    Path deb = kernel().controlCompression(compression).script("postinst", "#!/bin/sh\ndepmod\n").write(dir.resolve("k.deb"));

    PackageInfo info = PackageReader.open(deb).info();

    assertThat(info.name()).isEqualTo("linux-image-6.1.0-56-amd64");
    assertThat(info.version()).isEqualTo("6.1.192");
    assertThat(info.release()).isEqualTo("2");
    assertThat(info.architecture()).isEqualTo("amd64");
    assertThat(info.fields()).containsEntry("Version", "1:6.1.192-2")
        .containsEntry("Description", "Linux 6.1\n more text\n .\n end")
        .containsEntry("Maintainer", "Debian Kernel Team <debian-kernel@lists.debian.org>");
    assertThat(info.scripts()).containsExactlyEntriesOf(java.util.Map.of("postinst", "#!/bin/sh\ndepmod\n"));
  }

  @Test
  void infoNeedsNoDataTar() throws IOException {
    Path deb = kernel().member("data.tar.xz", "not xz at all".getBytes(StandardCharsets.US_ASCII)).write(dir.resolve("k.deb"));

    KernelPackage pkg = PackageReader.open(deb);

    assertThat(pkg.info().name()).isEqualTo("linux-image-6.1.0-56-amd64");
    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(deb + ": malformed tar at offset 13: archive ends without an end-of-archive block (truncated)");
  }

  @Test
  void aVersionWithoutRevisionHasAnEmptyRelease() throws IOException {
    Path deb = kernel().control("Package: p\nVersion: 6.1.192\nArchitecture: all\n").write(dir.resolve("k.deb"));

    PackageInfo info = PackageReader.open(deb).info();

    assertThat(info.version()).isEqualTo("6.1.192");
    assertThat(info.release()).isEmpty();
  }

  @Test
  void decodesAMultiBlockXzInParallelIntoTheSameBytes() throws IOException {
    byte[] big = new byte[3_000_000];
    new Random(11).nextBytes(big);
    Arrays.fill(big, 1_000_000, 2_000_000, (byte) 'k');
    Path deb = kernel().file("./lib/modules/6.1.0-56-amd64/big.ko", big).xzBlocks(256 * 1024).write(dir.resolve("k.deb"));

    EntryCollector entries = EntryCollector.of(PackageReader.open(deb));

    assertThat(entries.content("lib/modules/6.1.0-56-amd64/big.ko")).isEqualTo(big);
    assertThat(entries.paths()).hasSize(9);
  }

  @Test
  void refusesPathTraversalInTheDataTar() throws IOException {
    Path deb = kernel().file("./lib/../../etc/passwd", "root::0:0").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!./lib/../../etc/passwd: path escapes the package root");
  }

  @Test
  void refusesAnAbsolutePath() throws IOException {
    Path deb = kernel().file("/etc/passwd", "root::0:0").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!/etc/passwd: path escapes the package root");
  }

  @Test
  void refusesADuplicatePath() throws IOException {
    Path deb = kernel().file(KO, "again").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!lib/modules/6.1.0-56-amd64/kernel/fs/ext4.ko: duplicate path");
  }

  @Test
  void failsOnADecompressionBomb() throws IOException {
    Path deb = kernel().file("./zeros", new byte[4 << 20]).write(dir.resolve("k.deb"));
    assertThat(Files.size(deb)).isLessThan(20_000);

    KernelPackage pkg = PackageReader.open(deb, SourceLimits.DEFAULTS.withMaxPayloadSize(1 << 20));

    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!data.tar.xz: XZ data decompresses to more than 1048576 bytes (limit)");
  }

  @Test
  void refusesATarLongNameLargerThanTheLimitBeforeReadingIt() throws Exception {
    String longName = "./lib/modules/6.1.0-56-amd64/" + "d".repeat(300) + ".ko";
    Path deb = kernel().file(longName, "ko").write(dir.resolve("k.deb"));
    assertThat(EntryCollector.of(PackageReader.open(deb)).paths()).contains(longName.substring(2));

    LimitProperties.with(TarReader.TAR_HEADER_SIZE, "100", () -> assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageMatching(Pattern.quote(deb + ": malformed tar at offset ") + "\\d+"
            + Pattern.quote(": metadata entry (long name or pax header) of 333 bytes exceeds the limit of 100 bytes")));
  }

  @Test
  void failsOnAParallelDecodedDecompressionBomb() throws IOException {
    Path deb = kernel().file("./zeros", new byte[4 << 20]).xzBlocks(1 << 20).write(dir.resolve("k.deb"));

    KernelPackage pkg = PackageReader.open(deb, SourceLimits.DEFAULTS.withMaxPayloadSize(2 << 20));

    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!data.tar.xz: XZ data decompresses to more than 2097152 bytes (limit)");
  }

  @Test
  void refusesAnEntryLargerThanTheLimit() throws IOException {
    Path deb = kernel().write(dir.resolve("k.deb"));

    KernelPackage pkg = PackageReader.open(deb, SourceLimits.DEFAULTS.withMaxEntrySize(6));

    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!boot/vmlinuz-6.1.0-56-amd64: entry of 7 bytes exceeds the limit of 6 bytes");
  }

  @Test
  void failsOnATruncatedDeb() throws IOException {
    byte[] whole = kernel().build();
    Path deb = Files.write(dir.resolve("k.deb"), Arrays.copyOf(whole, whole.length - 100));

    assertThatThrownBy(() -> PackageReader.open(deb))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(deb + ": malformed ar at offset ")
        .hasMessageContaining(": member data.tar.xz of ")
        .hasMessageEndingWith(" bytes runs past the end of the file (" + (Files.size(deb) - dataOffset(whole)) + " bytes left)");
  }

  @Test
  void failsOnATruncatedDataTar() throws IOException {
    byte[] tar = kernel().dataCompression(Compression.NONE).build();
    byte[] data = Arrays.copyOfRange(tar, dataOffset(tar), dataOffset(tar) + 1536);
    Path deb = kernel().member("data.tar", data).dataCompression(Compression.NONE).write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(deb + "!boot/vmlinuz-6.1.0-56-amd64: malformed tar at offset 0: Truncated TAR archive");
  }

  @Test
  void failsOnADataTarCutAtARecordBoundary() throws IOException {
    byte[] tar = kernel().dataCompression(Compression.NONE).build();
    byte[] data = Arrays.copyOfRange(tar, dataOffset(tar), dataOffset(tar) + 2048);
    Path deb = kernel().member("data.tar", data).dataCompression(Compression.NONE).write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(deb + ": malformed tar at offset 2048: archive ends without an end-of-archive block (truncated)");
  }

  @Test
  void failsOnCorruptXzData() throws IOException {
    byte[] whole = kernel().file("./random", randomBytes(200_000)).build();
    whole[dataOffset(whole) + 5000] ^= 0x55;
    Path deb = Files.write(dir.resolve("k.deb"), whole);

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(deb + "!data.tar.xz: malformed XZ at offset ")
        .hasMessageEndingWith(": Compressed data is corrupt");
  }

  @Test
  void failsOnCorruptXzDataDecodedInParallel() throws Exception {
    byte[] whole = kernel().file("./random", randomBytes(2_000_000)).xzBlocks(256 * 1024).build();
    whole[dataOffset(whole) + 1_000_000] ^= 0x55;
    Path deb = Files.write(dir.resolve("k.deb"), whole);

    withXzDecoder("builtin", () -> assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(deb + "!data.tar.xz: malformed XZ at offset 786432: Integrity check (CRC64) does not match"));
  }

  @Test
  void readsALargeXzDataTarWithTheHostsXzAsInJava() throws Exception {
    assumeTrue(HostXzDecoder.find().isPresent(), "xz not installed");
    byte[] random = randomBytes(2_000_000);
    Path deb = kernel().file("./random", random).xzBlocks(256 * 1024).write(dir.resolve("k.deb"));
    assertThat(Files.size(deb)).as("past the size below which Java decodes").isGreaterThan(1 << 20);
    EntryCollector[] java = new EntryCollector[1];

    withXzDecoder("builtin", () -> java[0] = EntryCollector.of(PackageReader.open(deb)));
    EntryCollector host = EntryCollector.of(PackageReader.open(deb));

    assertThat(host.paths()).isEqualTo(java[0].paths()).contains("random");
    assertThat(host.content("random")).isEqualTo(random);
  }

  @Test
  void failsOnCorruptXzDataDecodedByTheHostsXzWithItsMessage() throws IOException {
    assumeTrue(HostXzDecoder.find().isPresent(), "xz not installed");
    byte[] whole = kernel().file("./random", randomBytes(2_000_000)).xzBlocks(256 * 1024).build();
    whole[dataOffset(whole) + 1_000_000] ^= 0x55;
    Path deb = Files.write(dir.resolve("k.deb"), whole);

    assertThatThrownBy(() -> EntryCollector.of(PackageReader.open(deb)))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageStartingWith(deb + "!data.tar.xz: malformed XZ at offset ")
        .hasMessageEndingWith(": xz: (stdin): Compressed data is corrupt");
  }

  @Test
  void failsOnADecompressionBombDecodedByTheHostsXz() throws IOException {
    assumeTrue(HostXzDecoder.find().isPresent(), "xz not installed");
    Path deb = kernel().file("./random", randomBytes(1_500_000)).file("./zeros", new byte[64 << 20])
        .write(dir.resolve("k.deb"));

    KernelPackage pkg = PackageReader.open(deb, SourceLimits.DEFAULTS.withMaxPayloadSize(8 << 20));

    assertThatThrownBy(() -> EntryCollector.of(pkg))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!data.tar.xz: XZ data decompresses to more than 8388608 bytes (limit)");
  }

  private static void withXzDecoder(String choice, LimitProperties.Body body) throws Exception {
    LimitProperties.withProperty(HostXzDecoder.PROPERTY, choice, body);
  }


  @Test
  void refusesADebWhoseFirstMemberIsNotDebianBinary() throws IOException {
    Path deb = kernel().without("debian-binary").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> PackageReader.open(deb))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(deb + ": malformed ar at offset 8: first member is control.tar.xz, not debian-binary");
  }

  @Test
  void refusesAnotherDebianBinaryVersion() throws IOException {
    Path deb = kernel().member("debian-binary", "3.0\n".getBytes(StandardCharsets.US_ASCII)).write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> PackageReader.open(deb))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage(deb + ": malformed ar at offset 68: debian-binary is not \"2.0\\n\"");
  }

  @Test
  void refusesADebWithoutDataTar() throws IOException {
    Path deb = kernel().without("data.tar.xz").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> PackageReader.open(deb))
        .isInstanceOf(MalformedInputException.class)
        .hasMessageMatching(java.util.regex.Pattern.quote(deb.toString()) + ": malformed ar at offset \\d+: no data.tar member");
  }

  @Test
  void refusesAControlFileWithoutVersion() throws IOException {
    Path deb = kernel().control("Package: p\nArchitecture: all\n").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> PackageReader.open(deb))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!control.tar.xz!control: no Version field");
  }

  @Test
  void refusesAMalformedControlLine() throws IOException {
    Path deb = kernel().control("Package: p\nno colon here\n").write(dir.resolve("k.deb"));

    assertThatThrownBy(() -> PackageReader.open(deb))
        .isInstanceOf(BadInputException.class)
        .hasMessage(deb + "!control.tar.xz!control:2: not a 'Field: value' line: no colon here");
  }

  @Test
  void refusesAnUnknownMagic() throws IOException {
    Path file = Files.writeString(dir.resolve("k.deb"), "PK\u0003\u0004 not a package");

    assertThatThrownBy(() -> PackageReader.open(file))
        .isInstanceOf(BadInputException.class)
        .hasMessage(file + ": not a .deb, .rpm or kernel module tree");
  }

  static DebBuilder kernel() {
    return new DebBuilder()
        .directory("./boot/")
        .file("./boot/vmlinuz-6.1.0-56-amd64", "vmlinuz")
        .directory("./lib/")
        .directory("./lib/modules/")
        .directory("./lib/modules/6.1.0-56-amd64/")
        .file(KO, "ELF ko!")
        .symlink("./lib/modules/6.1.0-56-amd64/build", "/usr/src/linux-headers-6.1.0-56-amd64")
        .hardlink("./lib/modules/6.1.0-56-amd64/kernel/fs/ext4-copy.ko", KO);
  }

  /** Where the data.tar member's content starts in a deb built by {@link DebBuilder}. */
  private static int dataOffset(byte[] deb) {
    String text = new String(deb, StandardCharsets.ISO_8859_1);
    int header = text.indexOf("data.tar");
    return header + 60;
  }

  private static byte[] randomBytes(int length) {
    byte[] bytes = new byte[length];
    new Random(3).nextBytes(bytes);
    return bytes;
  }
}
