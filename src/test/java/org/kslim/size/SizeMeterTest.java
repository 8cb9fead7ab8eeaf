package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.kslim.size.Fixtures.dir;
import static org.kslim.size.Fixtures.file;
import static org.kslim.size.Fixtures.hardlink;
import static org.kslim.size.Fixtures.symlink;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.kslim.source.EntryType;

class SizeMeterTest {
  private static final List<FileContent> FILES = List.of(
      file("lib/modules/6.1.0/kernel/a.ko", new byte[1025]),      // 2 KiB, 1 block
      file("lib/modules/6.1.0/kernel/empty.ko", new byte[0]),     // 0 KiB, 0 blocks
      file("lib/modules/6.1.0/modules.dep", new byte[4097]),      // 5 KiB, 2 blocks
      symlink("lib/modules/6.1.0/build", "/usr/src/linux-headers-6.1.0-" + "x".repeat(40)), // 69 bytes
      symlink("lib/modules/6.1.0/source", "build"),               // 5 bytes: inline
      hardlink("lib/modules/6.1.0/kernel/b.ko", "lib/modules/6.1.0/kernel/a.ko"),
      dir("lib/modules/6.1.0/kernel"));

  private final SizeSettings settings = SizeSettings.of(PayloadFormat.DEB).withThreads(2)
      .withCompression(new PayloadCompression(org.kslim.source.Compression.GZIP, 6));

  @Test
  void measuresEveryMeasureExactly() throws IOException {
    PackageSizes sizes = new SizeMeter(settings, SizeCache.disabled()).measure("core", FILES);

    assertThat(sizes.get(Measure.FILES)).isEqualTo(6);
    assertThat(sizes.get(Measure.INSTALLED)).isEqualTo(1025 + 4097 + 69 + 5);
    // ./, lib, lib/modules, lib/modules/6.1.0, kernel: 5 directories at 1 KiB; files 2 + 0 + 5; symlinks 1 + 1
    assertThat(sizes.get(Measure.INSTALLED_KIB)).isEqualTo(5 + 2 + 0 + 5 + 1 + 1);
    // 5 directories + a.ko 1 block + modules.dep 2 blocks + the long symlink 1 block
    assertThat(sizes.get(Measure.DISK)).isEqualTo((5 + 1 + 2 + 1) * 4096L);
    // 5 directory headers, a.ko 1 + 3 blocks, empty 1, modules.dep 1 + 9, 3 link headers, 2 end blocks: 25 blocks, 2 records
    assertThat(sizes.payloadBytes()).isEqualTo(20480);
    assertThat(sizes.get(Measure.COMPRESSED)).isEqualTo(gzipped(sizes.payloadBytes()));
    assertThat(sizes.compressor().algorithm()).isEqualTo("gzip");
  }

  @Test
  void blockSizeChangesOnlyDisk() throws IOException {
    PackageSizes sizes = new SizeMeter(settings.withBlockSize(512), SizeCache.disabled()).measure("core", FILES);

    assertThat(sizes.get(Measure.DISK)).isEqualTo((5 + 3 + 9 + 1) * 512L);
    assertThat(sizes.get(Measure.INSTALLED_KIB)).isEqualTo(14);
  }

  @Test
  void perFileSizesIncludeEachFileCompressedAloneWhenAskedFor() throws IOException {
    PackageSizes sizes = new SizeMeter(settings.withPerFileCompressed(true), SizeCache.disabled())
        .measure("core", FILES);

    FileSizes dep = sizes.file("lib/modules/6.1.0/modules.dep").orElseThrow();
    assertThat(dep.installed()).isEqualTo(4097);
    assertThat(dep.installedKib()).isEqualTo(5);
    assertThat(dep.disk()).isEqualTo(8192);
    assertThat(dep.sha256()).hasSize(64);
    assertThat(dep.compressedShare().orElseThrow()).isBetween(20L, 60L);
    assertThat(sizes.file("lib/modules/6.1.0/build").orElseThrow().compressedShare()).isEmpty();
    assertThat(sizes.file("lib/modules/6.1.0/kernel/b.ko").orElseThrow().type()).isEqualTo(EntryType.HARDLINK);
  }

  @Test
  void measuresPackagesInParallelAndListsThemByName() throws IOException {
    SizeSheet sheet = new SizeMeter(settings, SizeCache.disabled()).measure(Map.of(
        "zeta", List.of(file("b", "x")), "alpha", FILES, "mid", List.of()));

    assertThat(sheet.packages()).extracting(PackageSizes::name).containsExactly("alpha", "mid", "zeta");
    assertThat(sheet.get("mid").get(Measure.INSTALLED_KIB)).isEqualTo(1);
    assertThat(sheet.get("zeta").get(Measure.FILES)).isEqualTo(1);
  }

  @Test
  void secondMeasureOfAnUnchangedPackageCompressesNothing(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    AtomicInteger opens = new AtomicInteger();
    Compressor counting = counting(opens);
    SizeCache cache = SizeCache.at(dir, message -> { });
    SizeSettings withFiles = settings.withPerFileCompressed(true);

    PackageSizes first = new SizeMeter(withFiles, cache, counting).measure("core", FILES);
    int afterFirst = opens.get();
    PackageSizes second = new SizeMeter(withFiles, cache, counting).measure("core", FILES);

    assertThat(afterFirst).isEqualTo(1);
    assertThat(opens.get()).isEqualTo(afterFirst);
    assertThat(second).isEqualTo(first);
    new SizeMeter(withFiles, cache, counting).measure("core", List.of(file("lib/other", "changed")));
    assertThat(opens.get()).isEqualTo(afterFirst + 1);
  }

  @Test
  void cachedFiguresNeedOnlyEntriesAndHashes(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws IOException {
    AtomicInteger opens = new AtomicInteger();
    SizeCache cache = SizeCache.at(dir, message -> { });
    SizeSettings withFiles = settings.withPerFileCompressed(true);
    SizeMeter meter = new SizeMeter(withFiles, cache, counting(opens));
    List<HashedEntry> hashed = FILES.stream().map(f -> new HashedEntry(f.entry(), ContentHash.of(f.bytes()))).toList();

    assertThat(meter.measureCached(Map.of("core", hashed))).isEmpty();
    SizeSheet measured = new SizeSheet(List.of(meter.measure("core", FILES)));
    int afterMeasure = opens.get();

    assertThat(meter.measureCached(Map.of("core", hashed))).contains(measured);
    assertThat(opens.get()).isEqualTo(afterMeasure);
    // another file set, another compressor or the per-file figures missing: nothing cached
    assertThat(meter.measureCached(Map.of("core", hashed.subList(1, hashed.size())))).isEmpty();
    SizeSettings gzip9 = withFiles.withCompression(new PayloadCompression(org.kslim.source.Compression.GZIP, 9));
    assertThat(new SizeMeter(gzip9, cache).measureCached(Map.of("core", hashed))).isEmpty();
    assertThat(new SizeMeter(settings, cache, counting(opens)).measureCached(Map.of("core", hashed)))
        .hasValueSatisfying(sheet -> assertThat(sheet.get("core").measures()).isEqualTo(measured.get("core").measures()));
    assertThat(new SizeMeter(withFiles, SizeCache.at(dir.resolve("other"), m -> { }), counting(opens))
        .measureCached(Map.of("core", hashed))).isEmpty();
  }

  private Compressor counting(AtomicInteger opens) {
    Compressor gzip = CompressorKind.BUILT_IN.create(settings.compression(), 1);
    return new Compressor() {
      @Override
      public CompressorDescription description() {
        return gzip.description();
      }

      @Override
      public OutputStream open(OutputStream sink) throws IOException {
        opens.incrementAndGet();
        return gzip.open(sink);
      }
    };
  }

  private static long gzipped(long tarBytes) throws IOException {
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    new DebPayloadWriter().write(FILES, tar);
    assertThat(tar.size()).isEqualTo(tarBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GzipCompressor(6).open(out)) {
      gz.write(tar.toByteArray());
    }
    return out.size();
  }
}
