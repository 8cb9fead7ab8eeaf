package org.kslim.boot;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * How the initramfs cpio is stored: gzip (fastest level, which every kernel unpacks) or not at all.
 *
 * <pre>{@code
 * try (OutputStream out = InitramfsCompression.GZIP.wrap(Files.newOutputStream(file))) { ... }
 * }</pre>
 */
public enum InitramfsCompression {
  GZIP,
  NONE;

  /** {@code out}, compressing what is written to it; closing the result closes {@code out}. */
  public OutputStream wrap(OutputStream out) throws IOException {
    if (this == NONE) {
      return out;
    }
    return new GZIPOutputStream(out, 1 << 16) {
      {
        def.setLevel(Deflater.BEST_SPEED);
      }
    };
  }
}
