package org.kslim.size;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.IOException;
import java.io.OutputStream;

/** zstd-jni as rpm's {@code w19.zstdio} compresses: one thread, no workers, no checksum. */
final class ZstdCompressor implements Compressor {
  private final int level;

  ZstdCompressor(int level) {
    this.level = level;
  }

  @Override
  public CompressorDescription description() {
    return new CompressorDescription("zstd", level, "zstd-jni",
        CompressorKind.libraryVersion(ZstdOutputStreamNoFinalizer.class), 1, 0);
  }

  @Override
  public OutputStream open(OutputStream sink) throws IOException {
    ZstdOutputStreamNoFinalizer zstd = new ZstdOutputStreamNoFinalizer(new Unclosed(sink), level);
    zstd.setChecksum(false);
    zstd.setWorkers(0);
    return zstd;
  }
}
