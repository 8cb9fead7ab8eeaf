package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStreamNoFinalizer;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.lz4.FramedLZ4CompressorOutputStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kslim.BadInputException;
import org.tukaani.xz.LZMA2Options;
import org.tukaani.xz.LZMAOutputStream;
import org.tukaani.xz.XZOutputStream;

public class CompressionTest {
  private static final byte[] PLAIN = plain();

  @ParameterizedTest
  @EnumSource(Compression.class)
  void detectsAndRoundTripsEveryCompression(Compression compression) throws IOException {
    byte[] packed = compress(compression, PLAIN);
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(packed));

    assertThat(Compression.detect(in)).isEqualTo(compression);
    assertThat(compression.decompress(in, PLAIN.length).readAllBytes()).isEqualTo(PLAIN);
  }

  @ParameterizedTest
  @EnumSource(Compression.class)
  void failsPastTheOutputLimit(Compression compression) throws IOException {
    byte[] packed = compress(compression, PLAIN);
    BufferedInputStream in = new BufferedInputStream(new ByteArrayInputStream(packed));

    assertThatThrownBy(() -> compression.decompress(in, PLAIN.length - 1).readAllBytes())
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("more than " + (PLAIN.length - 1) + " bytes");
  }

  private static byte[] plain() {
    byte[] data = new byte[100_000];
    Random random = new Random(7);
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) ('a' + random.nextInt(4));
    }
    return data;
  }

  /** {@code data} compressed with {@code compression}, for fixtures. */
  public static byte[] compress(Compression compression, byte[] data) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (OutputStream out = switch (compression) {
      case NONE -> bytes;
      case XZ -> new XZOutputStream(bytes, new LZMA2Options(1));
      case ZSTD -> new ZstdOutputStreamNoFinalizer(bytes);
      case GZIP -> new GZIPOutputStream(bytes);
      case BZIP2 -> new BZip2CompressorOutputStream(bytes);
      case LZ4 -> new FramedLZ4CompressorOutputStream(bytes);
      case LZMA -> new LZMAOutputStream(bytes, new LZMA2Options(1), data.length);
    }) {
      out.write(data);
    }
    return bytes.toByteArray();
  }
}
