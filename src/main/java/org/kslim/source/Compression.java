package org.kslim.source;

import com.github.luben.zstd.ZstdInputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorInputStream;
import org.kslim.InputLimit;
import org.tukaani.xz.BasicArrayCache;
import org.tukaani.xz.LZMAInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The compressions kslim reads, recognised by their magic bytes, never by file name.
 *
 * <pre>{@code
 * InputStream in = new BufferedInputStream(Files.newInputStream(path));
 * Compression c = Compression.detect(in);             // looks ahead, consumes nothing
 * InputStream plain = c.decompress(in, 1L << 30);    // fails past 1 GiB of output
 * }</pre>
 */
public enum Compression {
  NONE(""),
  XZ(".xz"),
  ZSTD(".zst"),
  GZIP(".gz"),
  BZIP2(".bz2"),
  LZ4(".lz4"),
  LZMA(".lzma");

  private static final int MAGIC_BYTES = 6;
  /**
   * The most memory one xz or lzma decoder may use (its dictionary, allocated whole when the
   * stream starts), {@code kslim.limit.xz-memory}: 128 MiB by default; xz -9 needs 65 MiB.
   */
  public static final InputLimit XZ_MEMORY = new InputLimit("xz-memory", 128L << 20);

  private final String suffix;

  Compression(String suffix) {
    this.suffix = suffix;
  }

  /** The file-name suffix this compression conventionally has ({@code ""} for none). */
  public String suffix() {
    return suffix;
  }

  /**
   * Recognises the compression of the stream's next bytes without consuming them.
   *
   * @param in a stream that supports {@link InputStream#mark}
   */
  public static Compression detect(InputStream in) throws IOException {
    if (!in.markSupported()) {
      throw new IllegalArgumentException("stream must support mark: " + in.getClass().getName());
    }
    in.mark(MAGIC_BYTES);
    byte[] head = in.readNBytes(MAGIC_BYTES);
    in.reset();
    return detect(head, head.length);
  }

  /** Recognises the compression of data starting with the first {@code length} bytes of {@code head}. */
  public static Compression detect(byte[] head, int length) {
    if (startsWith(head, length, 0xFD, '7', 'z', 'X', 'Z', 0x00)) {
      return XZ;
    }
    if (startsWith(head, length, 0x28, 0xB5, 0x2F, 0xFD)) {
      return ZSTD;
    }
    if (startsWith(head, length, 0x1F, 0x8B)) {
      return GZIP;
    }
    if (startsWith(head, length, 'B', 'Z', 'h')) {
      return BZIP2;
    }
    if (startsWith(head, length, 0x04, 0x22, 0x4D, 0x18)) {
      return LZ4;
    }
    if (startsWith(head, length, 0x5D, 0x00, 0x00)) {
      return LZMA;
    }
    return NONE;
  }

  /**
   * The decompressed content of {@code in}, failing with a {@link org.kslim.BadInputException}
   * once more than {@code maxOutput} bytes come out (a decompression bomb).
   */
  public InputStream decompress(InputStream in, long maxOutput) throws IOException {
    return decompressed(in, maxOutput, name());
  }

  /**
   * As {@link #decompress(InputStream, long)}, the error naming {@code source} (a file, or
   * {@code file!member}): {@code pkg.deb!data.tar.xz: XZ data decompresses to more than ...}.
   */
  public InputStream decompress(InputStream in, long maxOutput, String source) throws IOException {
    return decompressed(in, maxOutput, source + ": " + name());
  }

  private InputStream decompressed(InputStream in, long maxOutput, String what) throws IOException {
    InputStream raw = switch (this) {
      case NONE -> in;
      case XZ -> new XZInputStream(in, memoryLimitKib(), BasicArrayCache.getInstance());
      case ZSTD -> new ZstdInputStreamNoFinalizer(in);
      case GZIP -> new GZIPInputStream(in, 65536);
      case BZIP2 -> new BZip2CompressorInputStream(in, true);
      case LZ4 -> new FramedLZ4CompressorInputStream(in, true);
      case LZMA -> new LZMAInputStream(in, memoryLimitKib(), BasicArrayCache.getInstance());
    };
    return new LimitedInputStream(this == NONE ? raw : new BufferedInputStream(raw, 65536), maxOutput, what);
  }

  /** {@link #XZ_MEMORY} in KiB, as the xz decoders take it. */
  static int memoryLimitKib() {
    return (int) Math.min(Integer.MAX_VALUE, XZ_MEMORY.value() >> 10);
  }

  private static boolean startsWith(byte[] head, int length, int... magic) {
    if (length < magic.length) {
      return false;
    }
    for (int i = 0; i < magic.length; i++) {
      if ((head[i] & 0xFF) != magic[i]) {
        return false;
      }
    }
    return true;
  }
}
