package org.kslim.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.kslim.source.deb.DebBuilder;
import org.kslim.testing.Mutations;

class XzStreamIndexTest {
  static byte[] xz(byte[] data, int blockSize) throws IOException {
    return DebBuilder.xzInBlocks(data, blockSize);
  }

  static byte[] data(int length, long seed) {
    byte[] data = new byte[length];
    Random random = new Random(seed);
    for (int i = 0; i < length; i++) {
      data[i] = (byte) ("kmod_module_".charAt(random.nextInt(12)) + (i % 97 == 0 ? random.nextInt(50) : 0));
    }
    return data;
  }

  private static long size(byte[] stream) {
    return XzStreamIndex.uncompressedSize(ByteBuffer.wrap(stream));
  }

  @Test
  void readsTheSizeOfOneBlockManyBlocksAndNothing() throws IOException {
    assertThat(size(xz(data(70_000, 1), 1 << 20))).isEqualTo(70_000);
    assertThat(size(xz(data(300_000, 2), 64_000))).isEqualTo(300_000); // five blocks
    assertThat(size(xz(new byte[0], 1))).isZero();
  }

  @Test
  void readsTheRemainingBytesOfABufferOnly() throws IOException {
    byte[] stream = xz(data(5_000, 3), 1 << 20);
    byte[] framed = new byte[stream.length + 16];
    System.arraycopy(stream, 0, framed, 8, stream.length);

    assertThat(XzStreamIndex.uncompressedSize(ByteBuffer.wrap(framed, 8, stream.length))).isEqualTo(5_000);
  }

  @Test
  void answersMinusOneForWhatIsNotExactlyOneStream() throws IOException {
    byte[] stream = xz(data(5_000, 4), 1 << 20);
    byte[] twice = Arrays.copyOf(stream, stream.length * 2);
    System.arraycopy(stream, 0, twice, stream.length, stream.length);

    assertThat(size(Arrays.copyOf(stream, stream.length + 4))).as("stream padding").isEqualTo(-1);
    assertThat(size(twice)).as("two streams: the second's index does not cover the first").isEqualTo(-1);
    assertThat(size(Arrays.copyOf(stream, stream.length - 1))).as("truncated").isEqualTo(-1);
    assertThat(size(Arrays.copyOfRange(stream, 1, stream.length))).as("no header").isEqualTo(-1);
    assertThat(size(new byte[0])).isEqualTo(-1);
    assertThat(size(data(100, 5))).as("not xz").isEqualTo(-1);
  }

  @Test
  void damagedStreamsGiveASizeOrMinusOneAndNeverThrow() throws IOException {
    List<byte[]> streams = List.of(xz(data(9_000, 6), 1 << 20), xz(data(200_000, 7), 50_000));
    Random random = new Random(8);
    int sized = 0;
    for (int round = 0; round < 20_000; round++) {
      long size = size(Mutations.mutate(streams.get(round % 2), random));
      assertThat(size).isGreaterThanOrEqualTo(-1);
      sized += size >= 0 ? 1 : 0;
    }
    assertThat(sized).as("damage in the compressed data leaves the index readable").isPositive();
  }
}
