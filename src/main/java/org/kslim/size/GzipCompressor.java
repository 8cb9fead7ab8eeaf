package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.util.zip.GZIPOutputStream;

/** java.util.zip's deflate in a gzip member without name or time, as {@code gzip -n}. */
final class GzipCompressor implements Compressor {
  private final int level;

  GzipCompressor(int level) {
    this.level = level;
  }

  @Override
  public CompressorDescription description() {
    return new CompressorDescription("gzip", level, "java.util.zip",
        System.getProperty("java.version"), 1, 0);
  }

  @Override
  public OutputStream open(OutputStream sink) throws IOException {
    return new LeveledGzip(new Unclosed(sink), level);
  }

  /** A gzip stream at a chosen deflate level. */
  private static final class LeveledGzip extends GZIPOutputStream {
    LeveledGzip(OutputStream out, int level) throws IOException {
      super(out, 65536);
      def.setLevel(level);
    }
  }
}
