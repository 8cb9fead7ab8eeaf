package org.kslim.size;

import java.util.Objects;

/**
 * How to measure: the payload format, its compression, which compressor, how many threads, the
 * disk block size, and whether to also measure each file's share of its compressed payload.
 *
 * <pre>{@code
 * SizeSettings s = SizeSettings.of(PayloadFormat.DEB).withKind(CompressorKind.SYSTEM);
 * }</pre>
 *
 * @param format payload archive (deb data.tar or rpm cpio)
 * @param compression algorithm and level of the payload
 * @param kind built-in libraries or the host's programs
 * @param threads threads for compressing (packages in parallel; xz blocks in parallel)
 * @param blockSize block size for {@link Measure#DISK}
 * @param perFileCompressed also measure every file's share of its compressed payload, for {@link FileSizes#compressedShare()}
 */
public record SizeSettings(PayloadFormat format, PayloadCompression compression, CompressorKind kind,
    int threads, int blockSize, boolean perFileCompressed) {
  public static final int DEFAULT_BLOCK_SIZE = 4096;

  public SizeSettings {
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(compression, "compression");
    Objects.requireNonNull(kind, "kind");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    if (blockSize < 1) {
      throw new IllegalArgumentException("blockSize must be positive: " + blockSize);
    }
  }

  /** The format's default compression, built-in compressors, every core, 4096-byte blocks. */
  public static SizeSettings of(PayloadFormat format) {
    return new SizeSettings(format, format.defaultCompression(), CompressorKind.BUILT_IN,
        Runtime.getRuntime().availableProcessors(), DEFAULT_BLOCK_SIZE, false);
  }

  public SizeSettings withCompression(PayloadCompression value) {
    return new SizeSettings(format, value, kind, threads, blockSize, perFileCompressed);
  }

  public SizeSettings withKind(CompressorKind value) {
    return new SizeSettings(format, compression, value, threads, blockSize, perFileCompressed);
  }

  public SizeSettings withThreads(int value) {
    return new SizeSettings(format, compression, kind, value, blockSize, perFileCompressed);
  }

  public SizeSettings withBlockSize(int value) {
    return new SizeSettings(format, compression, kind, threads, value, perFileCompressed);
  }

  public SizeSettings withPerFileCompressed(boolean value) {
    return new SizeSettings(format, compression, kind, threads, blockSize, value);
  }
}
