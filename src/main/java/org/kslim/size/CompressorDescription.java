package org.kslim.size;

import java.util.Objects;

/**
 * What produced a compressed figure: algorithm, level, implementation and its version, threads,
 * block size and zstd's overlap of a job with the one before it. Part of every cache key,
 * so a different compressor never reuses a figure.
 *
 * <pre>{@code
 * CompressorDescription d = new CompressorDescription("xz", 6, "xz-java", "1.12", 2, 25165824);
 * d.label();   // "xz -6 (xz-java 1.12, 2 threads, 25165824-byte blocks)"
 * }</pre>
 *
 * @param algorithm {@code xz}, {@code zstd} or {@code gzip}
 * @param level compression level
 * @param implementation the library or program that compressed
 * @param version its version
 * @param threads threads it used (1: single-threaded)
 * @param blockSize bytes of input per block (an xz block, a zstd job), 0 for one block
 * @param overlapLog zstd's {@code ZSTD_c_overlapLog} (a job may refer back {@code window >> (9 -
 *     overlapLog)} bytes into the job before it), 0 where it does not apply
 */
public record CompressorDescription(String algorithm, int level, String implementation, String version,
    int threads, long blockSize, int overlapLog) {
  /** A compressor whose blocks are independent of each other. */
  public CompressorDescription(
      String algorithm, int level, String implementation, String version, int threads, long blockSize) {
    this(algorithm, level, implementation, version, threads, blockSize, 0);
  }

  public CompressorDescription {
    Objects.requireNonNull(algorithm, "algorithm");
    Objects.requireNonNull(implementation, "implementation");
    Objects.requireNonNull(version, "version");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (blockSize < 0) {
      throw new IllegalArgumentException("blockSize must not be negative: " + blockSize);
    }
    if (overlapLog < 0 || overlapLog > 9) {
      throw new IllegalArgumentException("overlapLog must be between 0 and 9: " + overlapLog);
    }
  }

  /** One line for reports and cache keys. */
  public String label() {
    String blocks = blockSize == 0 ? "" : ", " + blockSize + "-byte blocks";
    if (overlapLog > 0) {
      blocks += ", overlapLog " + overlapLog;
    }
    String thread = threads == 1 ? "1 thread" : threads + " threads";
    return algorithm + " -" + level + " (" + implementation + " " + version + ", " + thread + blocks + ")";
  }
}
