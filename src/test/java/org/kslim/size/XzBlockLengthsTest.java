package org.kslim.size;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

class XzBlockLengthsTest {
  private static final int BLOCK = 64 * 1024;

  private static List<FileContent> files(int count, long seedOfLast) {
    List<FileContent> files = new java.util.ArrayList<>();
    for (int i = 0; i < count; i++) {
      byte[] bytes = Fixtures.compressible(40_000, i == count - 1 ? seedOfLast : i);
      files.add(new FileContent(new Entry("f" + i, EntryType.FILE, 0644, "root", "root", 0L, bytes.length, null), bytes));
    }
    return files;
  }

  /** A payload writer that writes the files' bytes one after the other and counts its calls. */
  private static PayloadWriter concatenating(AtomicInteger calls) {
    return (files, out) -> {
      calls.incrementAndGet();
      for (FileContent file : files) {
        out.write(file.bytes());
      }
    };
  }

  @Test
  void measuredLengthIsTheLengthOfTheStreamWritten(@TempDir Path dir) throws IOException {
    XzBlockCompressor xz = new XzBlockCompressor(1, 2, BLOCK);
    List<FileContent> files = files(10, 99);
    ByteArrayOutputStream written = new ByteArrayOutputStream();
    try (OutputStream out = xz.open(written)) {
      concatenating(new AtomicInteger()).write(files, out);
    }

    long[] cold = xz.lengths(concatenating(new AtomicInteger()), files, SizeCache.at(dir, m -> { }));
    long[] uncached = xz.lengths(concatenating(new AtomicInteger()), files, SizeCache.disabled());

    assertThat(cold).containsExactly(400_000, written.size());
    assertThat(uncached).containsExactly(cold);
  }

  @Test
  void unchangedLeadingBlocksComeFromTheCacheAndGiveTheSameLength(@TempDir Path dir) throws IOException {
    XzBlockCompressor xz = new XzBlockCompressor(1, 2, BLOCK);
    SizeCache cache = SizeCache.at(dir, m -> { });
    xz.lengths(concatenating(new AtomicInteger()), files(10, 9), cache);
    List<FileContent> changed = files(10, 1234);

    long[] warm = xz.lengths(concatenating(new AtomicInteger()), changed, cache);
    long[] cold = xz.lengths(concatenating(new AtomicInteger()), changed, SizeCache.disabled());

    assertThat(warm).containsExactly(cold);
    // 400,000 bytes make 7 blocks of 64 KiB; the changed last file touches the last two only
    try (var stored = java.nio.file.Files.walk(dir.resolve("xz-block"))) {
      assertThat(stored.filter(java.nio.file.Files::isRegularFile).count()).isBetween(8L, 9L);
    }
  }
}
