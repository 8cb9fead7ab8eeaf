package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.kslim.source.deb.DebPackage;
import org.kslim.source.rpm.RpmPackage;
import org.kslim.testing.FuzzContract;

/**
 * Fuzz targets for the package readers: a {@code .deb} (ar, control.tar, data.tar in any
 * compression) and an {@code .rpm} (lead, headers, cpio), each opened and every entry's content
 * read to the end, under small {@link SourceLimits}. Each replays its corpus under
 * {@code src/test/resources} in every test run; {@code JAZZER_FUZZ=1} fuzzes one
 * (docs/robustness.md).
 */
class PackageFuzzTest {
  /** Limits a fuzzing heap of 512 MiB holds (with two xz decoders of 128 MiB): an allocation they do not guard surfaces as an OutOfMemoryError. */
  static final SourceLimits LIMITS = new SourceLimits(16L << 20, 32L << 20, 16L << 20, 10_000, 1L << 20);

  private static final Path FILE = scratchFile();

  @FuzzTest(maxDuration = "10m")
  @Timeout(value = FuzzContract.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void deb(byte[] input) throws IOException {
    Files.write(FILE, input);
    FuzzContract.parsesOrRefuses(() -> readAll(DebPackage.open(FILE, LIMITS)));
  }

  @FuzzTest(maxDuration = "10m")
  @Timeout(value = FuzzContract.SECONDS_PER_INPUT, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
  void rpm(byte[] input) throws IOException {
    Files.write(FILE, input);
    FuzzContract.parsesOrRefuses(() -> readAll(RpmPackage.open(FILE, LIMITS)));
  }

  /** Reads the package's metadata and every entry's whole content, checking each against its declared size. */
  private static void readAll(KernelPackage pkg) throws IOException {
    assertThat(pkg.info().name()).isNotNull();
    pkg.forEachEntry((entry, content) -> {
      long read = drain(content);
      if (entry.type() == EntryType.FILE) {
        assertThat(read).as(entry.path()).isLessThanOrEqualTo(LIMITS.maxEntrySize());
      }
    });
  }

  private static long drain(InputStream content) throws IOException {
    return content.transferTo(OutputStream.nullOutputStream());
  }

  private static Path scratchFile() {
    try {
      Path file = Files.createTempFile("kslim-fuzz-", ".pkg");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
