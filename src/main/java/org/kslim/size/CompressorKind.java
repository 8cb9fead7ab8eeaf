package org.kslim.size;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * Where the compressing code comes from: kslim's own libraries, or the host's {@code xz},
 * {@code zstd} and {@code gzip} programs run with the options the packaging tools use.
 *
 * <pre>{@code
 * Compressor deb = CompressorKind.SYSTEM.create(PayloadCompression.DEB_DEFAULT, 2);
 * deb.description().label();   // "xz -6 (xz 5.4.1, 2 threads, 25165824-byte blocks)"
 * }</pre>
 */
public enum CompressorKind {
  /**
   * xz-java, compressing blocks of three dictionary sizes in parallel as liblzma's multi-threaded
   * encoder (which dpkg-deb uses) splits them; zstd-jni in jobs of 32 MiB on every thread, as rpm's
   * {@code w19T<n>.zstdio}, without checksum (the same stream on any number of threads);
   * java.util.zip for gzip.
   */
  BUILT_IN,
  /**
   * The host programs: {@code xz -T<threads> --block-size=<3 x dictionary>} (run on one block at
   * a time, the blocks of every payload sharing the threads: the same stream, byte for byte),
   * {@code zstd --single-thread --no-check}, {@code gzip -n}, each at the level.
   */
  SYSTEM;

  /** A compressor for {@code compression}, using up to {@code threads} threads where it can. */
  public Compressor create(PayloadCompression compression, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1: " + threads);
    }
    int level = compression.level();
    return switch (compression.compression()) {
      case XZ -> this == BUILT_IN
          ? new XzBlockCompressor(level, threads, xzBlockSize(level))
          : XzBlockCompressor.system(level, threads, xzBlockSize(level));
      case ZSTD -> this == BUILT_IN ? new ZstdCompressor(level, threads) : SystemCompressor.zstd(level);
      case GZIP -> this == BUILT_IN ? new GzipCompressor(level) : SystemCompressor.gzip(level);
      default -> throw new IllegalArgumentException(
          "payload compression must be xz, zstd or gzip: " + compression.compression());
    };
  }

  /** liblzma's default block size for multi-threaded compression: three dictionary sizes. */
  static long xzBlockSize(int level) {
    return 3L * XzBlockCompressor.options(level).getDictSize();
  }

  /**
   * The version of the library {@code type} comes from: as the build recorded it in
   * {@code libraries.properties} (by package), else as its jar's manifest declares it.
   */
  static String libraryVersion(Class<?> type) {
    String recorded = LibraryVersions.RECORDED.getProperty(type.getPackageName());
    if (recorded != null) {
      return recorded;
    }
    return Optional.ofNullable(type.getPackage().getImplementationVersion()).orElse("unknown");
  }

  /** The versions the build recorded, read once. */
  private static final class LibraryVersions {
    static final Properties RECORDED = read();

    private static Properties read() {
      Properties versions = new Properties();
      try (InputStream in = CompressorKind.class.getResourceAsStream("libraries.properties")) {
        if (in == null) {
          throw new IllegalStateException("libraries.properties is missing from the build");
        }
        versions.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read libraries.properties", e);
      }
      return versions;
    }
  }
}
