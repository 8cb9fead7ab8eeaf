package org.kslim.kmod;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.commons.compress.compressors.lz4.BlockLZ4CompressorInputStream;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;

/**
 * Decodes the legacy LZ4 format ({@code lz4 -l}) that kernel images use: the magic
 * {@code 02 21 4C 18}, then blocks each led by its compressed size (little-endian), a repeated
 * magic starting another stream.
 */
final class Lz4Legacy {
  static final int MAGIC = 0x184C2102;
  private static final String FORMAT = "LZ4 legacy";
  private static final int BUFFER = 1 << 16;

  private Lz4Legacy() {}

  static boolean matches(ByteBuffer data) {
    return data.remaining() >= 4 && data.duplicate().order(ByteOrder.LITTLE_ENDIAN).getInt(data.position()) == MAGIC;
  }

  private static void verify(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  /** The decoded content of {@code data} (position to limit), failing past {@code limit} bytes of output. */
  static byte[] decompress(ByteBuffer data, long limit) {
    ByteBuffer in = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    verify(matches(in), 0, "no LZ4 legacy magic");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
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
      block(in, at, size, out, limit);
      at += size;
    }
    return out.toByteArray();
  }

  private static void block(ByteBuffer in, int at, int size, ByteArrayOutputStream out, long limit) {
    byte[] compressed = new byte[size];
    in.get(at, compressed);
    byte[] buffer = new byte[BUFFER];
    try (InputStream block = new BlockLZ4CompressorInputStream(new ByteArrayInputStream(compressed))) {
      for (int n = block.read(buffer); n >= 0; n = block.read(buffer)) {
        if (out.size() + (long) n > limit) {
          throw new BadInputException(FORMAT + " data decompresses to more than " + limit + " bytes (limit)");
        }
        out.write(buffer, 0, n);
      }
    } catch (IOException | RuntimeException e) {
      if (e instanceof BadInputException bad) {
        throw bad;
      }
      // the block decoder reports corrupt data with IOExceptions and unchecked exceptions alike
      verify(false, at, "corrupt block: " + e.getMessage());
    }
  }
}
