package org.kslim.kmod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.apache.commons.compress.compressors.lz4.BlockLZ4CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;

class Lz4LegacyTest {
  static byte[] block(byte[] data) throws IOException {
    ByteArrayOutputStream block = new ByteArrayOutputStream();
    try (OutputStream out = new BlockLZ4CompressorOutputStream(block)) {
      out.write(data);
    }
    return block.toByteArray();
  }

  /** A legacy stream: magic, then each block led by its size; a second magic between the blocks. */
  static byte[] legacy(byte[]... blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteBuffer word = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
    out.writeBytes(word.putInt(0, Lz4Legacy.MAGIC).array());
    for (byte[] block : blocks) {
      out.writeBytes(word.putInt(0, block.length).array());
      out.writeBytes(block);
      out.writeBytes(word.putInt(0, Lz4Legacy.MAGIC).array());
    }
    return out.toByteArray();
  }

  @Test
  void decodesRepetitiveAndRandomBlocks() throws IOException {
    byte[] pattern = "abc".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
    byte[] zeros = new byte[70_000];
    byte[] noise = new byte[50_000];
    new Random(7).nextBytes(noise);

    byte[] decoded = Lz4Legacy.decompress(ByteBuffer.wrap(legacy(block(pattern), block(zeros), block(noise))), 1 << 20);

    ByteArrayOutputStream expected = new ByteArrayOutputStream();
    expected.writeBytes(pattern);
    expected.writeBytes(zeros);
    expected.writeBytes(noise);
    assertThat(decoded).isEqualTo(expected.toByteArray());
  }

  @Test
  void rejectsAMatchReachingBeforeTheBlock() {
    // token: 1 literal, match of 4; literal 'x'; offset 2 (only 1 byte written so far)
    byte[] stream = legacy(new byte[] {0x10, 'x', 2, 0, 0x10, 'y'});

    assertThatThrownBy(() -> Lz4Legacy.decompress(ByteBuffer.wrap(stream), 1 << 20))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("malformed LZ4 legacy at offset 10: match offset 2 points before the block");
  }

  @Test
  void rejectsABlockRunningPastTheEnd() {
    byte[] stream = ByteBuffer.allocate(10).order(ByteOrder.LITTLE_ENDIAN).putInt(Lz4Legacy.MAGIC).putInt(100).array();

    assertThatThrownBy(() -> Lz4Legacy.decompress(ByteBuffer.wrap(stream), 1 << 20))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("malformed LZ4 legacy at offset 4: block of 100 bytes runs past the end (2 bytes left)");
  }

  @Test
  void rejectsALiteralRunPastTheBlock() {
    byte[] stream = legacy(new byte[] {(byte) 0xF0, (byte) 0xFF, 10, 'x'});

    assertThatThrownBy(() -> Lz4Legacy.decompress(ByteBuffer.wrap(stream), 1 << 20))
        .isInstanceOf(MalformedInputException.class)
        .hasMessage("malformed LZ4 legacy at offset 11: literal run of 280 bytes runs past the block");
  }

  @Test
  void stopsAtTheOutputLimit() throws IOException {
    byte[] stream = legacy(block(new byte[100_000]));

    assertThatThrownBy(() -> Lz4Legacy.decompress(ByteBuffer.wrap(stream), 1000))
        .isInstanceOf(BadInputException.class)
        .hasMessage("LZ4 legacy data decompresses to more than 1000 bytes (limit)");
  }
}
