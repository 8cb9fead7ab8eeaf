package org.kslim.size;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * zstd-jni in zstd's multi-threaded mode, as rpm compresses a {@code w19T<n>.zstdio} payload: the
 * payload is cut into jobs of {@link #JOB_SIZE} bytes that up to {@code threads} workers compress
 * at once, no checksum. The stream depends on the level and the job size, never on the number of
 * workers, so a package is the same on a machine of any size. It is next to no larger than
 * rpm's one-thread {@code w19.zstdio} stream, which {@code --compressor system} writes: the host's
 * zstd 1.5.4 at -19 made 21,868,938 bytes of the generic kernel's 146 MB modules-extra payload
 * with two threads, 21,866,953 with one.
 *
 * <pre>{@code
 * try (OutputStream out = new ZstdCompressor(19, 2).open(Files.newOutputStream(payload))) {
 *   cpio.writeTo(out);
 * }
 * }</pre>
 */
final class ZstdCompressor implements Compressor {
  /** The job size: 32 MiB, what zstd itself picks at level 19 (four windows of 8 MiB). */
  static final int JOB_SIZE = 32 << 20;

  private final int level;
  private final int threads;
  private final int jobSize;

  ZstdCompressor(int level, int threads) {
    this(level, threads, JOB_SIZE);
  }

  ZstdCompressor(int level, int threads, int jobSize) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    this.level = level;
    this.threads = threads;
    this.jobSize = jobSize;
  }

  @Override
  public CompressorDescription description() {
    return new CompressorDescription("zstd", level, "zstd-jni",
        CompressorKind.libraryVersion(ZstdOutputStreamNoFinalizer.class), threads, jobSize);
  }

  @Override
  public OutputStream open(OutputStream sink) throws IOException {
    ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(new Unclosed(sink), level);
    zstd.setChecksum(false);
    zstd.setWorkers(threads);
    zstd.setJobSize(jobSize);
    return zstd;
  }
}
