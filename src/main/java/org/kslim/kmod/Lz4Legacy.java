package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;

/**
 * Decodes the legacy LZ4 format ({@code lz4 -l}) that kernel images use: the magic
 * {@code 02 21 4C 18}, then independent blocks each led by its compressed size
 * (little-endian), a repeated magic starting another stream. Each block is a sequence of
 * literal runs and back-references within the block, every length and offset checked.
 */
final class Lz4Legacy {
  static final int MAGIC = 0x184C2102;
  private static final String FORMAT = "LZ4 legacy";
  private static final int MIN_MATCH = 4;
  private static final int RUN_MASK = 15;
  private static final int INITIAL_CAPACITY = 1 << 20;

  private final ByteBuffer in;
  private final byte[] bytes;
  private final long limit;
  private byte[] out = new byte[INITIAL_CAPACITY];
  private int written;

  private Lz4Legacy(ByteBuffer in, long limit) {
    this.in = in;
    this.bytes = new byte[in.limit()];
    in.get(0, bytes);
    this.limit = limit;
  }

  static boolean matches(ByteBuffer data) {
    return data.remaining() >= 4 && data.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(data.position()) == MAGIC;
  }

  private static void verify(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  /** The decoded content of {@code data} (position to limit), failing past {@code limit} bytes of output. */
  static byte[] decompress(ByteBuffer data, long limit) {
    Lz4Legacy decoder = new Lz4Legacy(data.slice().order(ByteOrder.LITTLE_ENDIAN), limit);
    decoder.blocks();
    return Arrays.copyOf(decoder.out, decoder.written);
  }

  private void blocks() {
    verify(matches(in), 0, "no LZ4 legacy magic");
    int at = 4;
    while (at < in.limit()) {
      verify(in.limit() - at >= 4, at, "block size cut off after " + (in.limit() - at) + " bytes");
      int size = in.getInt(at);
      at += 4;
      if (size == MAGIC) {
        continue;
      }
      verify(size > 0 && size <= in.limit() - at, at - 4,
          "block of " + Integer.toUnsignedString(size) + " bytes runs past the end (" + (in.limit() - at) + " bytes left)");
      block(at, at + size);
      at += size;
    }
  }

  private void block(int start, int end) {
    int blockStart = written;
    int at = start;
    while (true) {
      verify(at < end, at, "block ends inside a sequence");
      int token = bytes[at++] & 0xFF;
      long literals = token >>> 4;
      if (literals == RUN_MASK) {
        int[] cursor = {at};
        literals += runLength(cursor, end);
        at = cursor[0];
      }
      verify(literals <= end - at, at, "literal run of " + literals + " bytes runs past the block");
      reserve(literals);
      System.arraycopy(bytes, at, out, written, (int) literals);
      at += (int) literals;
      written += (int) literals;
      if (at == end) {
        return;
      }
      verify(end - at >= 2, at, "match offset cut off");
      int distance = (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
      verify(distance > 0 && distance <= written - blockStart, at, "match offset " + distance + " points before the block");
      at += 2;
      long length = (token & RUN_MASK) + (long) MIN_MATCH;
      if ((token & RUN_MASK) == RUN_MASK) {
        int[] cursor = {at};
        length += runLength(cursor, end);
        at = cursor[0];
      }
      reserve(length);
      copyMatch(distance, (int) length);
    }
  }

  /** Repeats the {@code distance} bytes before the end of the output until {@code length} bytes are added. */
  private void copyMatch(int distance, int length) {
    int from = written - distance;
    int left = length;
    while (left > 0) {
      int chunk = Math.min(left, written - from);
      System.arraycopy(out, from, out, written, chunk);
      written += chunk;
      left -= chunk;
    }
  }

  /** The extra length bytes after a run of 15: each 255 adds and continues, any other byte ends. */
  private long runLength(int[] cursor, int end) {
    long extra = 0;
    int value;
    do {
      verify(cursor[0] < end, cursor[0], "length cut off at the end of the block");
      value = bytes[cursor[0]++] & 0xFF;
      extra += value;
    } while (value == 255);
    return extra;
  }

  private void reserve(long more) {
    long needed = written + more;
    if (needed > limit) {
      throw new BadInputException(FORMAT + " data decompresses to more than " + limit + " bytes (limit)");
    }
    verify(needed <= Integer.MAX_VALUE - 8, written, "output of " + needed + " bytes is too large");
    if (needed > out.length) {
      out = Arrays.copyOf(out, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(needed, 2L * out.length)));
    }
  }
}
