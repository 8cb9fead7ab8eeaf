package org.kslim.size;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import org.kslim.MalformedInputException;

/**
 * The .xz container around blocks: takes the one block out of a single-block stream and puts
 * many blocks into one stream with its index, as liblzma's multi-threaded encoder lays them out.
 * Reads fail only through {@link #verify}.
 */
final class XzStreamFormat {
  static final String FORMAT = "xz";
  private static final byte[] MAGIC = {(byte) 0xFD, '7', 'z', 'X', 'Z', 0};
  private static final byte[] FOOTER_MAGIC = {'Y', 'Z'};
  private static final int HEADER = 12;
  private static final int FOOTER = 12;
  private static final byte CHECK_CRC64 = 0x04;
  private static final int MAX_VARINT = 9;

  /**
   * One compressed block as it sits in a stream, with the sizes its index record holds; a block
   * only measured (its sizes taken from a cache) has no bytes and can only be counted.
   */
  record Block(byte[] bytes, long unpaddedSize, long uncompressedSize) {
    static Block measured(long unpaddedSize, long uncompressedSize) {
      return new Block(new byte[0], unpaddedSize, uncompressedSize);
    }
  }

  private XzStreamFormat() {}

  /** The block of a stream that {@code XZOutputStream} wrote for one chunk of input. */
  static Block singleBlock(byte[] stream) {
    int length = stream.length;
    verify(length >= HEADER + FOOTER, 0, "stream of " + length + " bytes is shorter than header and footer");
    verify(Arrays.equals(stream, 0, MAGIC.length, MAGIC, 0, MAGIC.length), 0, "no xz magic");
    verify(stream[7] == CHECK_CRC64, 7, "check type " + stream[7] + " is not CRC64");
    int footer = length - FOOTER;
    verify(stream[length - 2] == 'Y' && stream[length - 1] == 'Z', length - 2, "no footer magic");
    long backward = (ByteBuffer.wrap(stream, footer + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xFFFFFFFFL);
    long indexSize = (backward + 1) * 4;
    verify(indexSize <= footer - HEADER, footer + 4, "index size " + indexSize + " exceeds the stream");
    int index = (int) (footer - indexSize);
    verify(stream[index] == 0, index, "no index indicator");
    long[] cursor = {index + 1};
    long records = varint(stream, cursor, footer);
    verify(records == 1, index + 1, "expected one block, index holds " + records);
    long unpadded = varint(stream, cursor, footer);
    long uncompressed = varint(stream, cursor, footer);
    verify(padded(unpadded) == index - HEADER, index, "block of " + (index - HEADER)
        + " bytes does not match unpadded size " + unpadded);
    return new Block(Arrays.copyOfRange(stream, HEADER, index), unpadded, uncompressed);
  }

  /** Writes one stream holding {@code blocks} in order, with CRC64 checks. */
  static void write(List<Block> blocks, OutputStream out) throws IOException {
    byte[] flags = {0, CHECK_CRC64};
    out.write(MAGIC);
    out.write(flags);
    out.write(le32(crc32(flags)));
    ByteArrayOutputStream index = new ByteArrayOutputStream();
    index.write(0);
    writeVarint(index, blocks.size());
    for (Block block : blocks) {
      if (block.bytes().length != padded(block.unpaddedSize())) {
        throw new IllegalArgumentException("a block only measured cannot be written: " + block.unpaddedSize() + " bytes");
      }
      out.write(block.bytes());
      writeVarint(index, block.unpaddedSize());
      writeVarint(index, block.uncompressedSize());
    }
    while (index.size() % 4 != 0) {
      index.write(0);
    }
    byte[] indexBytes = index.toByteArray();
    out.write(indexBytes);
    out.write(le32(crc32(indexBytes)));
    byte[] tail = ByteBuffer.allocate(6).order(ByteOrder.LITTLE_ENDIAN)
        .putInt((indexBytes.length + 4) / 4 - 1).put(flags).array();
    out.write(le32(crc32(tail)));
    out.write(tail);
    out.write(FOOTER_MAGIC);
  }

  /** The length of the stream {@link #write} makes of {@code blocks}, from their sizes alone. */
  static long length(List<Block> blocks) {
    long index = 1 + varintLength(blocks.size());
    long data = 0;
    for (Block block : blocks) {
      data += padded(block.unpaddedSize());
      index += varintLength(block.unpaddedSize()) + varintLength(block.uncompressedSize());
    }
    return HEADER + data + padded(index) + 4 + FOOTER;
  }

  private static int varintLength(long value) {
    int length = 1;
    for (long rest = value; rest >= 0x80; rest >>>= 7) {
      length++;
    }
    return length;
  }

  private static long padded(long size) {
    return (size + 3) & ~3L;
  }

  private static long varint(byte[] bytes, long[] cursor, int end) {
    long value = 0;
    for (int i = 0; i < MAX_VARINT; i++) {
      int at = (int) cursor[0];
      verify(at < end, at, "index record runs past the index");
      int b = bytes[at] & 0xff;
      cursor[0]++;
      value |= (long) (b & 0x7f) << (7 * i);
      if ((b & 0x80) == 0) {
        return value;
      }
    }
    throw new MalformedInputException(FORMAT, cursor[0], "integer longer than " + MAX_VARINT + " bytes");
  }

  private static void writeVarint(OutputStream out, long value) throws IOException {
    long rest = value;
    while (rest >= 0x80) {
      out.write((int) (rest & 0x7f) | 0x80);
      rest >>>= 7;
    }
    out.write((int) rest);
  }

  private static long crc32(byte[] bytes) {
    CRC32 crc = new CRC32();
    crc.update(bytes);
    return crc.getValue();
  }

  private static byte[] le32(long value) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
  }

  private static void verify(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }
}
