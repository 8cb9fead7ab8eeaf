package org.kslim.elf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.kslim.MalformedInputException;

/**
 * The bytes of one ELF file with its byte order and class: every read is bounds-checked through
 * {@link #verify}, the one place this package fails. Where the file is read a region at a time,
 * a region is {@link #load loaded} before it is read.
 */
final class ElfBytes {
  static final String FORMAT = "ELF";

  private final ByteBuffer data;
  /**
   * The array behind {@code data} when it has one, read directly: in code compiled by the JIT's
   * quick compiler (C1, as depmod runs), assembling a field from array bytes costs less than
   * the buffer's accessors, and a module's symbol tables are read field by field (about 15 ms of
   * CPU less per run on the 6.1 generic tree).
   */
  private final byte[] array;
  private final int arrayOffset;
  private final boolean littleEndian;
  private final ElfClass elfClass;
  private final ElfRegions regions;

  ElfBytes(ByteBuffer data, ElfClass elfClass, ByteOrder order, ElfRegions regions) {
    this.data = data.duplicate().order(order);
    this.array = this.data.hasArray() ? this.data.array() : null;
    this.arrayOffset = this.data.hasArray() ? this.data.arrayOffset() : 0;
    this.littleEndian = order == ByteOrder.LITTLE_ENDIAN;
    this.elfClass = elfClass;
    this.regions = regions;
  }

  static void verify(boolean condition, long offset, String reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  /** As {@link #verify(boolean, long, String)}, building the reason only on failure. */
  static void verify(boolean condition, long offset, Supplier<String> reason) {
    MalformedInputException.verify(condition, FORMAT, offset, reason);
  }

  /** Checks that {@code length} bytes at {@code offset} (both read as unsigned) lie in the file. */
  void require(long offset, long length, String what) {
    if (!fits(offset, length)) {
      require(offset, length, () -> what);
    }
  }

  /** As {@link #require(long, long, String)}, naming the bytes only on failure. */
  void require(long offset, long length, Supplier<String> what) {
    if (!fits(offset, length)) {
      verify(false, offset, () -> what.get() + " of " + Long.toUnsignedString(length) + " bytes at offset "
          + Long.toUnsignedString(offset) + " runs past the end of the file (" + size() + " bytes)");
    }
  }

  /**
   * Checks, as {@link #require(long, long, Supplier)} does, that the bytes lie in the file, then
   * makes them readable.
   *
   * @throws UncheckedIOException when they cannot be read from the file
   */
  void load(long offset, long length, Supplier<String> what) {
    require(offset, length, what);
    try {
      regions.load(offset, length);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + what.get() + " at offset " + offset + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code length} bytes at {@code offset} lie in the file. */
  boolean fits(long offset, long length) {
    return offset >= 0 && length >= 0 && offset <= size() && length <= size() - offset;
  }

  long size() {
    return data.limit();
  }

  ElfClass elfClass() {
    return elfClass;
  }

  ByteOrder order() {
    return data.order();
  }

  int u8(long offset) {
    require(offset, 1, "byte");
    return array != null ? array[arrayOffset + (int) offset] & 0xFF : data.get((int) offset) & 0xFF;
  }

  int u16(long offset) {
    require(offset, 2, "half word");
    if (array == null) {
      return data.getShort((int) offset) & 0xFFFF;
    }
    int at = arrayOffset + (int) offset;
    int first = array[at] & 0xFF;
    int second = array[at + 1] & 0xFF;
    return littleEndian ? second << 8 | first : first << 8 | second;
  }

  long u32(long offset) {
    require(offset, 4, "word");
    if (array == null) {
      return data.getInt((int) offset) & 0xFFFFFFFFL;
    }
    int at = arrayOffset + (int) offset;
    int b0 = array[at] & 0xFF;
    int b1 = array[at + 1] & 0xFF;
    int b2 = array[at + 2] & 0xFF;
    int b3 = array[at + 3] & 0xFF;
    int value = littleEndian ? b3 << 24 | b2 << 16 | b1 << 8 | b0 : b0 << 24 | b1 << 16 | b2 << 8 | b3;
    return value & 0xFFFFFFFFL;
  }

  long u64(long offset) {
    require(offset, 8, "double word");
    if (array == null) {
      return data.getLong((int) offset);
    }
    long low = u32(littleEndian ? offset : offset + 4);
    long high = u32(littleEndian ? offset + 4 : offset);
    return high << 32 | low;
  }

  /** An address-sized field: 4 bytes in ELF32, 8 in ELF64 (values past 2^63 come out negative). */
  long word(long offset) {
    return elfClass == ElfClass.ELF32 ? u32(offset) : u64(offset);
  }

  /** A read-only view of {@code length} bytes at {@code offset}, in the file's byte order. */
  ByteBuffer slice(long offset, long length, Supplier<String> what) {
    require(offset, length, what);
    return data.slice((int) offset, (int) length).asReadOnlyBuffer().order(data.order());
  }

  /**
   * The NUL-terminated string starting at {@code offset}, which must end before {@code end}.
   */
  String string(long offset, long end, Supplier<String> what) {
    require(offset, end - offset, what);
    int length = array != null ? arrayNul(offset, end) : bufferNul(offset, end);
    if (length < 0) {
      verify(false, offset, () -> what.get() + " is not NUL-terminated before offset " + end);
    }
    if (array != null) {
      return new String(array, arrayOffset + (int) offset, length, StandardCharsets.UTF_8);
    }
    byte[] bytes = new byte[length];
    data.get((int) offset, bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** The length of the string at {@code offset} up to its NUL, -1 without a NUL before {@code end}; scans the backing array. */
  private int arrayNul(long offset, long end) {
    int start = arrayOffset + (int) offset;
    int stop = arrayOffset + (int) end;
    for (int i = start; i < stop; i++) {
      if (array[i] == 0) {
        return i - start;
      }
    }
    return -1;
  }

  /** As {@link #arrayNul}, for a buffer without an accessible array (a mapped file). */
  private int bufferNul(long offset, long end) {
    for (long i = offset; i < end; i++) {
      if (data.get((int) i) == 0) {
        return (int) (i - offset);
      }
    }
    return -1;
  }
}
