package org.kslim.size;

import java.util.Objects;
import org.kslim.source.Compression;

/**
 * How a package's payload is compressed: the algorithm and its level.
 *
 * <pre>{@code
 * PayloadCompression rpm = PayloadCompression.RPM_DEFAULT;  // zstd level 19, as Fedora since F31
 * PayloadCompression deb = PayloadCompression.DEB_DEFAULT;  // xz level 6, as dpkg-deb
 * }</pre>
 */
public record PayloadCompression(Compression compression, int level) {
  public static final PayloadCompression RPM_DEFAULT = new PayloadCompression(Compression.ZSTD, 19);
  public static final PayloadCompression DEB_DEFAULT = new PayloadCompression(Compression.XZ, 6);

  public PayloadCompression {
    Objects.requireNonNull(compression, "compression");
    int max = switch (compression) {
      case NONE -> 0;
      case XZ, GZIP, BZIP2, LZMA -> 9;
      case ZSTD -> 22;
      case LZ4 -> 12;
    };
    if (level < 0 || level > max) {
      throw new IllegalArgumentException(compression + " level must be 0.." + max + ": " + level);
    }
  }

  /**
   * The compression as kslim's built-in library does it, for labels and cache keys:
   * {@code xz -6 (xz-java 1.12)} with {@code how} = "" or {@code xz -6 alone (xz-java 1.12)}.
   *
   * @throws IllegalArgumentException when it is not xz, zstd or gzip
   */
  String builtInLabel(String how) {
    String library = switch (compression) {
      case XZ -> "xz-java " + CompressorKind.libraryVersion(org.tukaani.xz.XZOutputStream.class);
      case ZSTD -> "zstd-jni " + CompressorKind.libraryVersion(com.github.luben.zstd.ZstdOutputStreamNoFinalizer.class);
      case GZIP -> "java.util.zip " + System.getProperty("java.version");
      default -> throw new IllegalArgumentException("payload compression must be xz, zstd or gzip: " + compression);
    };
    return compression.name().toLowerCase(java.util.Locale.ROOT) + " -" + level + (how.isEmpty() ? "" : " " + how)
        + " (" + library + ")";
  }
}
