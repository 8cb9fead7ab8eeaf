package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kslim.Progress;
import org.kslim.source.Compression;

class AloneSizesTest {
  private static Map<String, byte[]> files() {
    Map<String, byte[]> files = new LinkedHashMap<>();
    for (int i = 0; i < 12; i++) {
      byte[] bytes = Fixtures.compressible(1000 + i * 7919, i);
      files.put(ContentHash.of(bytes), bytes);
    }
    return files;
  }

  /** What a fresh payload compressor, used once, makes of {@code bytes}. */
  private static long once(PayloadCompression compression, byte[] bytes) throws IOException {
    CountingOutputStream counted = new CountingOutputStream(java.io.OutputStream.nullOutputStream());
    try (java.io.OutputStream out = CompressorKind.BUILT_IN.create(compression, 1).open(counted)) {
      out.write(bytes);
    }
    return counted.count();
  }

  @ParameterizedTest
  @EnumSource(value = Compression.class, names = {"XZ", "GZIP"})
  void reusedEncodersOnTwoThreadsGiveWhatAFreshCompressorGivesEachFile(Compression compression) throws IOException {
    PayloadCompression settings = new PayloadCompression(compression, 6);
    Map<String, byte[]> files = files();

    Map<String, Long> lengths = new AloneSizes(settings, 2, SizeCache.disabled()).measure(files, Progress.NONE);

    assertThat(lengths).hasSize(files.size());
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      assertThat(lengths.get(file.getKey())).as(file.getKey()).isEqualTo(once(settings, file.getValue()));
    }
  }

  @Test
  void zstdFiguresAreTheSameOnOneOrSeveralThreadsAndSmallerThanTheInput() throws IOException {
    PayloadCompression settings = new PayloadCompression(Compression.ZSTD, 19);
    Map<String, byte[]> files = files();

    Map<String, Long> one = new AloneSizes(settings, 1, SizeCache.disabled()).measure(files, Progress.NONE);
    Map<String, Long> three = new AloneSizes(settings, 3, SizeCache.disabled()).measure(files, Progress.NONE);

    assertThat(three).isEqualTo(one);
    files.forEach((hash, bytes) -> assertThat(one.get(hash)).isPositive().isLessThan(bytes.length / 2));
  }

  @Test
  void figuresComeFromTheCacheTheSecondTimeAndProgressCountsEveryFile(@TempDir Path dir) throws IOException {
    PayloadCompression settings = new PayloadCompression(Compression.XZ, 6);
    SizeCache cache = SizeCache.at(dir, message -> { });
    Map<String, byte[]> files = files();
    Map<String, Long> first = new AloneSizes(settings, 2, cache).measure(files, Progress.NONE);
    AtomicLong items = new AtomicLong();
    Progress counting = (what, count, bytes) -> new Progress.Task() {
      @Override
      public void advance(long done, long doneBytes) {
        items.addAndGet(done);
      }

      @Override
      public void close() {
        // nothing to finish
      }
    };

    // a cache entry that lies is taken as written: the figure below proves it came from the cache
    String key = files.keySet().iterator().next();
    cache.put("file", key + " " + new AloneSizes(settings, 1, cache).label(), 4242);
    Map<String, Long> second = new AloneSizes(settings, 2, cache).measure(files, counting);

    assertThat(items.get()).isEqualTo(files.size());
    assertThat(second.get(key)).isEqualTo(4242);
    second.forEach((hash, length) -> assertThat(length).isEqualTo(hash.equals(key) ? 4242 : first.get(hash)));
  }

  @Test
  void labelNamesAlgorithmLevelAndLibrary() {
    assertThat(new AloneSizes(new PayloadCompression(Compression.XZ, 6), 1, SizeCache.disabled()).label())
        .startsWith("xz -6 alone (xz-java ");
    assertThatThrownBy(() -> new AloneSizes(new PayloadCompression(Compression.XZ, 6), 0, SizeCache.disabled()))
        .hasMessageContaining("threads must be at least 1: 0");
    assertThatThrownBy(() -> new AloneSizes(new PayloadCompression(Compression.LZ4, 1), 1, SizeCache.disabled()))
        .hasMessageContaining("must be xz, zstd or gzip: LZ4");
  }
}
