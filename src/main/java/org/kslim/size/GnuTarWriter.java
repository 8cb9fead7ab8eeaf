package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes GNU tar ({@code --format=gnu}) as GNU tar does: 512-byte headers, a {@code ././@LongLink}
 * entry before any name or link target longer than 100 bytes, data padded to 512 bytes, two zero
 * blocks at the end and the whole padded to 10240-byte records.
 */
final class GnuTarWriter {
  static final int BLOCK = 512;
  static final int RECORD = 20 * BLOCK;
  private static final int NAME_FIELD = 100;
  private static final long MAX_OCTAL_11 = 077777777777L;
  private static final String LONG_LINK = "././@LongLink";

  private final OutputStream out;
  private long written;

  GnuTarWriter(OutputStream out) {
    this.out = out;
  }

  /** Writes the header(s) of one member; a regular file's data follows with {@link #data}. */
  void header(String name, char type, int mode, long mtime, String user, String group, long size,
      String linkName) throws IOException {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    byte[] linkBytes = linkName == null ? new byte[0] : linkName.getBytes(StandardCharsets.UTF_8);
    if (linkBytes.length > NAME_FIELD) {
      longLink('K', linkBytes);
    }
    if (nameBytes.length > NAME_FIELD) {
      longLink('L', nameBytes);
    }
    block(nameBytes, type, mode, mtime, user, group, size, linkBytes);
  }

  /** Writes a member's data and pads it to a whole block. */
  void data(byte[] bytes) throws IOException {
    out.write(bytes);
    written += bytes.length;
    pad(BLOCK);
  }

  /** Writes the end-of-archive blocks and pads to a whole record. */
  void finish() throws IOException {
    byte[] zero = new byte[2 * BLOCK];
    out.write(zero);
    written += zero.length;
    pad(RECORD);
  }

  private void longLink(char type, byte[] value) throws IOException {
    byte[] data = Arrays.copyOf(value, value.length + 1);
    block(LONG_LINK.getBytes(StandardCharsets.US_ASCII), type, 0, 0, "root", "root", data.length,
        new byte[0]);
    data(data);
  }

  private void block(byte[] name, char type, int mode, long mtime, String user, String group,
      long size, byte[] link) throws IOException {
    if (size > MAX_OCTAL_11 || mtime < 0 || mtime > MAX_OCTAL_11) {
      throw new IllegalArgumentException("tar size and mtime must fit 11 octal digits: size "
          + size + ", mtime " + mtime);
    }
    byte[] h = new byte[BLOCK];
    System.arraycopy(name, 0, h, 0, Math.min(name.length, NAME_FIELD));
    octal(h, 100, 8, mode & 07777);
    octal(h, 108, 8, 0);
    octal(h, 116, 8, 0);
    octal(h, 124, 12, size);
    octal(h, 136, 12, mtime);
    Arrays.fill(h, 148, 156, (byte) ' ');
    h[156] = (byte) type;
    System.arraycopy(link, 0, h, 157, Math.min(link.length, NAME_FIELD));
    ascii(h, 257, "ustar  ");
    ascii(h, 265, truncate(user.isEmpty() ? "root" : user));
    ascii(h, 297, truncate(group.isEmpty() ? "root" : group));
    long sum = 0;
    for (byte b : h) {
      sum += b & 0xff;
    }
    octal(h, 148, 7, sum);
    out.write(h);
    written += BLOCK;
  }

  private void pad(int unit) throws IOException {
    int rest = (int) (written % unit);
    if (rest != 0) {
      out.write(new byte[unit - rest]);
      written += unit - rest;
    }
  }

  private static String truncate(String name) {
    return name.length() > 31 ? name.substring(0, 31) : name;
  }

  private static void ascii(byte[] h, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    System.arraycopy(bytes, 0, h, offset, Math.min(bytes.length, 32));
  }

  /** {@code width - 1} zero-padded octal digits and a NUL, as GNU tar writes numeric fields. */
  private static void octal(byte[] h, int offset, int width, long value) {
    String digits = Long.toOctalString(value);
    String padded = "0".repeat(width - 1 - digits.length()) + digits;
    ascii(h, offset, padded);
    h[offset + width - 1] = 0;
  }
}
