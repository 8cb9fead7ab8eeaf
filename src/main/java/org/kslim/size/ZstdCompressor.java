package org.kslim.size;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.OutputStream;

/**
 * zstd-jni in zstd's multi-threaded mode, as rpm compresses a {@code w19T<n>.zstdio} payload: the
 * payload is cut into jobs of {@link #JOB_SIZE} bytes that up to {@code threads} workers compress
 * at once, no checksum. The stream depends on the level, the job size and the overlap, never on the
 * number of workers, so a package is the same on a machine of any size.
 *
 * <p>A job may refer back {@link #OVERLAP_LOG overlapLog} 6 into the job before it: one eighth of
 * the window (1 MiB at level 19), not zstd's default of the whole window at levels 19 and above,
 * which compresses 8 MiB of every 32 MiB twice. On the generic kernel's 181.6 MB modules cpio at
 * -19 on two workers: the whole window made 32,761,778 bytes in 96.6 s of CPU, one eighth
 * 32,877,627 bytes (0.35% more) in 78.9 s (18% less), one quarter 32,819,365 bytes in 91.0 s.
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

  /** zstd's {@code ZSTD_c_overlapLog}: a job refers back {@code window >> (9 - 6)} bytes. */
  static final int OVERLAP_LOG = 6;

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
        CompressorKind.libraryVersion(ZstdOutputStreamNoFinalizer.class), threads, jobSize, OVERLAP_LOG);
  }

  @Override
  public OutputStream open(OutputStream sink) throws IOException {
    ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(new Unclosed(sink), level);
    zstd.setChecksum(false);
    zstd.setWorkers(threads);
    zstd.setJobSize(jobSize);
    zstd.setOverlapLog(OVERLAP_LOG);
    return zstd;
  }
}
