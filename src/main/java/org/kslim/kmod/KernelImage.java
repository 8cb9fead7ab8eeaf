package org.kslim.kmod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.kslim.BadInputException;
import org.kslim.KslimException;
import org.kslim.MalformedInputException;
import org.kslim.UsageException;
import org.kslim.source.Compression;

/**
 * Finds the ELF vmlinux in a kernel image: the image itself when it is ELF, or the compressed
 * payload of an x86 bzImage (setup header {@code HdrS} at 0x202, {@code payload_offset} and
 * {@code payload_length} at 0x248 and 0x24C, counted from the protected-mode code at
 * {@code (setup_sects + 1) * 512}). Other images (arm64's raw {@code Image}) hold no readable
 * export tables.
 */
final class KernelImage {
  private static final String FORMAT = "bzImage";
  private static final int SETUP_SECTS = 0x1F1;
  private static final int HEADER_MAGIC = 0x202;
  private static final int HEADER_VERSION = 0x206;
  private static final int PAYLOAD_OFFSET = 0x248;
  private static final int PAYLOAD_LENGTH = 0x24C;
  private static final int MIN_VERSION = 0x208;
  private static final int SECTOR = 512;
  private static final int DEFAULT_SETUP_SECTS = 4;
  private static final int SIZE_TRAILER = 4;

  private KernelImage() {}

  private static void verify(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  /** The ELF vmlinux bytes of {@code image}, decompressing at most {@code limit} bytes. */
  static byte[] vmlinux(String name, byte[] image, long limit) {
    if (isElf(image)) {
      return image;
    }
    ByteBuffer data = ByteBuffer.wrap(image).order(ByteOrder.LITTLE_ENDIAN);
    try {
      if (image.length >= PAYLOAD_LENGTH + 4 && data.getInt(HEADER_MAGIC) == 0x53726448) {
        return payload(data, limit);
      }
      Compression compression = Compression.detect(image, Math.min(image.length, 6));
      if (compression == Compression.NONE) {
        throw raw(name, "a raw kernel image");
      }
      byte[] inner = decompress(compression, image, 0, image.length, limit);
      if (!isElf(inner)) {
        throw raw(name, "a " + compression + "-compressed raw kernel image");
      }
      return inner;
    } catch (MalformedInputException e) {
      throw e.in(name);
    } catch (UsageException e) {
      throw e;
    } catch (KslimException e) {
      throw new BadInputException(name + ": " + e.getMessage(), e);
    }
  }

  private static boolean isElf(byte[] image) {
    return image.length >= 4 && image[0] == 0x7F && image[1] == 'E' && image[2] == 'L' && image[3] == 'F';
  }

  private static UsageException raw(String name, String what) {
    return new UsageException(name + " is " + what + " (neither ELF nor an x86 bzImage) whose exports cannot be read:"
        + " pass --symvers with Module.symvers (from the linux-headers package) or a System.map");
  }

  private static byte[] payload(ByteBuffer data, long limit) {
    int version = data.getShort(HEADER_VERSION) & 0xFFFF;
    verify(version >= MIN_VERSION, HEADER_VERSION, "boot protocol " + Integer.toHexString(version) + " predates payload fields (2.08)");
    int sects = data.get(SETUP_SECTS) & 0xFF;
    long base = (long) ((sects == 0 ? DEFAULT_SETUP_SECTS : sects) + 1) * SECTOR;
    long offset = data.getInt(PAYLOAD_OFFSET) & 0xFFFFFFFFL;
    long length = data.getInt(PAYLOAD_LENGTH) & 0xFFFFFFFFL;
    long start = base + offset;
    verify(length > SIZE_TRAILER && start <= data.limit() && length <= data.limit() - start, PAYLOAD_OFFSET,
        "payload of " + length + " bytes at " + start + " runs past the end of the image (" + data.limit() + " bytes)");
    ByteBuffer payload = data.slice((int) start, (int) length);
    if (Lz4Legacy.matches(payload)) {
      return Lz4Legacy.decompress(payload.slice(0, (int) length - SIZE_TRAILER), limit);
    }
    byte[] head = new byte[Math.min(6, (int) length)];
    payload.get(0, head);
    Compression compression = Compression.detect(head, head.length);
    verify(compression != Compression.NONE, start, "payload compressed in a way kslim cannot read (magic "
        + String.format("%02x%02x%02x%02x", head[0], head[1], head[2], head[3]) + "; LZO is not supported)");
    // every compressor but gzip gets the decompressed size appended, which is no part of its stream
    int streamLength = (int) (compression == Compression.GZIP ? length : length - SIZE_TRAILER);
    return decompress(compression, data.array(), (int) start, streamLength, limit);
  }

  private static byte[] decompress(Compression compression, byte[] data, int start, int length, long limit) {
    try (InputStream in = compression.decompress(new ByteArrayInputStream(data, start, length), limit)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new BadInputException("corrupt " + compression + " data: " + e.getMessage(), e);
    }
  }
}
