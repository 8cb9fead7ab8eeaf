package org.kslim.source;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * The uncompressed size of a buffer holding exactly one .xz stream, read from the stream's index
 * (footer, backward size, index records) without decoding anything. A module file ({@code .ko.xz})
 * is one such stream; kslim learns from the index how many bytes each module gives before a batch
 * of them is decoded together.
 *
 * <pre>{@code
 * long size = XzStreamIndex.uncompressedSize(ByteBuffer.wrap(Files.readAllBytes(Path.of("virtio_blk.ko.xz"))));
 * // -1 unless the buffer is one well-formed stream whose index adds up to the buffer's length
 * }</pre>
 *
 * <p>Nothing here is trusted further than the lengths it checks: the decoder still verifies the
 * index against the blocks it decodes, and a buffer this class cannot account for byte for byte
 * (stream padding, several streams, a damaged index) answers -1, so its caller decodes it alone.
 */
public final class XzStreamIndex {
  private static final int HEADER_SIZE = 12;
  private static final int FOOTER_SIZE = 12;
  private static final byte[] HEADER_MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
  private static final int VARINT_MAX_BYTES = 9;

  private XzStreamIndex() {}

  /** The bytes the stream in {@code stream}'s remaining bytes decodes to, or -1 (see the class doc). */
  public static long uncompressedSize(ByteBuffer stream) {
    ByteBuffer in = stream.slice().order(ByteOrder.LITTLE_ENDIAN);
    int length = in.remaining();
    if (length < HEADER_SIZE + FOOTER_SIZE || !startsWithMagic(in)) {
      return -1;
    }
    int footer = length - FOOTER_SIZE;
    if (in.get(footer + 10) != 'Y' || in.get(footer + 11) != 'Z') {
      return -1;
    }
    long indexSize = ((in.getInt(footer + 4) & 0xFFFFFFFFL) + 1) * 4;
    if (indexSize > footer - HEADER_SIZE) {
      return -1;
    }
    int index = (int) (footer - indexSize);
    return records(in, index, footer, index - HEADER_SIZE);
  }

  /**
   * Sums the index's uncompressed sizes, checking that its blocks fill exactly {@code blocksLength}
   * bytes; -1 when anything does not add up.
   */
  private static long records(ByteBuffer in, int index, int end, long blocksLength) {
    in.position(index);
    in.limit(end - 4); // the index's CRC32
    if (!in.hasRemaining() || in.get() != 0) {
      return -1;
    }
    long count = varint(in);
    long blocks = 0;
    long uncompressed = 0;
    for (long i = 0; i < count; i++) {
      long unpadded = varint(in);
      long size = varint(in);
      if (unpadded <= 0 || size < 0) {
        return -1;
      }
      blocks += (unpadded + 3) & ~3L;
      uncompressed += size;
      if (blocks > blocksLength || uncompressed < 0) {
        return -1;
      }
    }
    if (count < 0 || blocks != blocksLength) {
      return -1;
    }
    while (in.hasRemaining()) {
      if (in.get() != 0 || (in.position() - index) % 4 == 0 && in.hasRemaining()) {
        return -1;
      }
    }
    return (in.position() - index) % 4 == 0 ? uncompressed : -1;
  }

  /** An xz multibyte integer, or -1 when it runs past the index or past nine bytes. */
  private static long varint(ByteBuffer in) {
    long value = 0;
    for (int i = 0; i < VARINT_MAX_BYTES && in.hasRemaining(); i++) {
      int b = in.get() & 0xFF;
      value |= (long) (b & 0x7F) << (7 * i);
      if ((b & 0x80) == 0) {
        return b == 0 && i > 0 ? -1 : value;
      }
    }
    return -1;
  }

  private static boolean startsWithMagic(ByteBuffer in) {
    for (int i = 0; i < HEADER_MAGIC.length; i++) {
      if (in.get(i) != HEADER_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
