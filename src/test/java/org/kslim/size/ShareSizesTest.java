package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kslim.source.Compression;

class ShareSizesTest {
  private static final PayloadCompression XZ1 = new PayloadCompression(Compression.XZ, 1);

  private static List<FileContent> files() {
    List<FileContent> files = new ArrayList<>();
    files.add(Fixtures.dir("lib/modules/6.1.0/kernel/"));
    for (int i = 0; i < 8; i++) {
      files.add(Fixtures.file("lib/modules/6.1.0/kernel/m" + i + ".ko", Fixtures.compressible(20_000 + i * 3001, i)));
    }
    return files;
  }

  private static long together(PayloadCompression compression, List<FileContent> files) throws IOException {
    CountingOutputStream counted = new CountingOutputStream(java.io.OutputStream.nullOutputStream());
    try (java.io.OutputStream out = CompressorKind.BUILT_IN.create(compression, 1).open(counted)) {
      for (FileContent file : files) {
        out.write(file.bytes());
      }
    }
    return counted.count();
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"XZ", "ZSTD", "GZIP"})
  void sharesAddUpToTheFilesCompressedTogetherAndMeasureAFileBesideThoseBeforeIt(Compression algorithm)
      throws IOException {
    PayloadCompression compression = new PayloadCompression(algorithm, 3);
    List<FileContent> files = files();
    // a copy of m0 right after it (within even gzip's 32 KiB window)
    files.add(2, Fixtures.file("lib/modules/6.1.0/kernel/copy.ko", files.get(1).bytes()));

    long[] shares = new ShareSizes(compression, 1, SizeCache.disabled()).measure("k", files);

    assertThat(shares[0]).as("a folder").isZero();
    long sum = java.util.Arrays.stream(shares).sum();
    long whole = together(compression, files);
    // each flush costs a few bytes; the stream's header and trailer go to the first and last file
    assertThat(sum).isBetween(whole - 64, whole + 32L * files.size() + 64);
    // the copy of an earlier file costs next to nothing beside it, unlike alone
    assertThat(shares[2]).isLessThan(shares[1] / 3);
  }

  @Test
  void segmentsOfABlockEachStartAfreshAndGiveTheSameSharesOnAnyNumberOfThreads() throws IOException {
    List<FileContent> files = new ArrayList<>();
    byte[] big = Fixtures.compressible(3 << 20, 5);
    for (int i = 0; i < 4; i++) {
      files.add(Fixtures.file("lib/modules/6.1.0/kernel/big" + i + ".ko", big));
    }
    // xz -1's blocks are three 1 MiB dictionaries: each 3 MiB file is a block of its own
    long[] one = new ShareSizes(XZ1, 1, SizeCache.disabled()).measure("k", files);
    long[] three = new ShareSizes(XZ1, 3, SizeCache.disabled()).measure("k", files);

    assertThat(three).containsExactly(one);
    // each starts from an empty dictionary, so the copies cost as much as the first
    assertThat(one[1]).isEqualTo(one[0]);
    assertThat(one[3]).isEqualTo(one[0]);
  }

  @Test
  void sharesAreCachedByPackageKeyAndLabel(@TempDir Path dir) throws IOException {
    SizeCache cache = SizeCache.at(dir, warning -> { });
    List<FileContent> files = files();
    ShareSizes shares = new ShareSizes(XZ1, 2, cache);
    long[] first = shares.measure("key", files);

    cache.put("shares", "key " + shares.label(), new long[files.size()]);
    assertThat(shares.cached("key", files.size())).hasValueSatisfying(v -> assertThat(v).containsOnly(0L));
    assertThat(shares.measure("key", files)).containsOnly(0L);
    assertThat(shares.cached("key", files.size() + 1)).isEmpty();
    assertThat(shares.measure("other", files)).containsExactly(first);
    assertThat(shares.label()).startsWith("xz -1 shares in payload order (xz-java ");
    assertThatThrownBy(() -> new ShareSizes(XZ1, 0, cache)).hasMessage("threads must be at least 1: 0");
  }
}
