package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;

/**
 * Compresses a stream as a package's payload would be compressed. Obtain one from
 * {@link CompressorKind#create}.
 *
 * <pre>{@code
 * Compressor xz = CompressorKind.BUILT_IN.create(PayloadCompression.DEB_DEFAULT, 2);
 * try (OutputStream out = xz.open(Files.newOutputStream(target))) {
 *   out.write(bytes);
 * }
 * }</pre>
 */
public interface Compressor {
  /** What this compressor is, for reports and cache keys. */
  CompressorDescription description();

  /**
   * A stream whose bytes are compressed into {@code sink}; closing it finishes the compressed
   * stream and leaves {@code sink} open.
   */
  OutputStream open(OutputStream sink) throws IOException;
}
