package org.kslim.size;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;
import org.kslim.source.Compression;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.XZ;
import org.tukaani.xz.XZOutputStream;

/**
 * A module file as the kernel's {@code make modules_install} would install it with
 * {@code CONFIG_MODULE_COMPRESS_*}: {@code xz --check=crc32 --lzma2=dict=1MiB} ({@code .ko.xz}, as
 * Debian 6.12 ships them), {@code zstd} at its default level 3 with its checksum
 * ({@code .ko.zst}), {@code gzip -n} ({@code .ko.gz}), or left uncompressed ({@code .ko}). Input
 * modules may be compressed in any of these ways; they are decompressed first.
 *
 * <pre>{@code
 * ModuleFileCompressor xz = ModuleFileCompressor.of(Compression.XZ);
 * xz.path("lib/modules/6.1.0/kernel/fs/ext4/ext4.ko");   // ".../ext4.ko.xz"
 * byte[] installed = xz.recompress(moduleBytes, "ext4.ko");
 * }</pre>
 */
public final class ModuleFileCompressor {
  private static final int XZ_DICTIONARY = 1 << 20;
  private static final int ZSTD_DEFAULT_LEVEL = 3;
  private static final int GZIP_DEFAULT_LEVEL = 6;
  private static final long MAX_MODULE = Integer.MAX_VALUE - 8;
  private static final String KO = ".ko";

  private final Compression target;

  private ModuleFileCompressor(Compression target) {
    this.target = target;
  }

  /** Modules compressed as {@code target} ({@code NONE}, {@code XZ}, {@code ZSTD} or {@code GZIP}). */
  public static ModuleFileCompressor of(Compression target) {
    return switch (target) {
      case NONE, XZ, ZSTD, GZIP -> new ModuleFileCompressor(target);
      default -> throw new IllegalArgumentException("module compression must be none, xz, zstd or gzip: " + target);
    };
  }

  public Compression target() {
    return target;
  }

  /** What the files are, for cache keys: {@code xz --check=crc32 --lzma2=dict=1MiB (xz-java 1.12)}. */
  public String label() {
    return switch (target) {
      case XZ -> "xz --check=crc32 --lzma2=dict=1MiB (xz-java " + CompressorKind.libraryVersion(XZOutputStream.class) + ")";
      case ZSTD -> "zstd -" + ZSTD_DEFAULT_LEVEL + " (zstd-jni " + CompressorKind.libraryVersion(ZstdOutputStreamNoFinalizer.class) + ")";
      case GZIP -> "gzip -n -" + GZIP_DEFAULT_LEVEL + " (java.util.zip)";
      default -> "none";
    };
  }

  /** True when {@code path} names a module file ({@code .ko}, possibly compressed). */
  public static boolean isModule(String path) {
    return path.endsWith(KO) || path.endsWith(KO + Compression.XZ.suffix())
        || path.endsWith(KO + Compression.ZSTD.suffix()) || path.endsWith(KO + Compression.GZIP.suffix());
  }

  /** The installed path of the module at {@code path}: its {@code .ko} with this compression's suffix. */
  public String path(String path) {
    int ko = path.lastIndexOf(KO);
    if (!isModule(path) || ko < 0) {
      throw new IllegalArgumentException("not a module file: " + path);
    }
    return path.substring(0, ko + KO.length()) + target.suffix();
  }

  /**
   * The module file {@code bytes} (compressed or not) as installed with this compression;
   * {@code location} names it in errors.
   */
  public byte[] recompress(byte[] bytes, String location) throws IOException {
    Compression found = Compression.detect(bytes, bytes.length);
    if (found == target) {
      return bytes;
    }
    byte[] raw;
    try (InputStream in = found.decompress(new ByteArrayInputStream(bytes), MAX_MODULE, location)) {
      raw = in.readAllBytes();
    }
    if (target == Compression.NONE) {
      return raw;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 3 + 64);
    try (OutputStream compressed = open(out)) {
      compressed.write(raw);
    }
    return out.toByteArray();
  }

  private OutputStream open(OutputStream out) throws IOException {
    return switch (target) {
      case XZ -> {
        LZMA2Options options = XzBlockCompressor.options(6);
        options.setDictSize(XZ_DICTIONARY);
        yield new XZOutputStream(out, options, XZ.CHECK_CRC32);
      }
      case ZSTD -> {
        ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(out, ZSTD_DEFAULT_LEVEL);
        zstd.setChecksum(true);
        yield zstd;
      }
      default -> new GZIPOutputStream(out, 65536);
    };
  }
}
