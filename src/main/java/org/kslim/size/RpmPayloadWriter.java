package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/**
 * Writes the cpio {@code newc} payload that rpmbuild writes: names {@code ./path} sorted
 * bytewise, 110-byte headers, name and data each padded to 4 bytes, inode numbers counting from
 * 1, a symlink's target as its data, and a closing {@code TRAILER!!!} entry (no block padding).
 */
final class RpmPayloadWriter implements PayloadWriter {
  private static final long MAX_SIZE = 0xFFFFFFFFL;
  private static final int S_IFREG = 0100000;
  private static final int S_IFDIR = 040000;
  private static final int S_IFLNK = 0120000;
  private static final int S_IFIFO = 010000;

  @Override
  public void write(List<FileContent> files, OutputStream out) throws IOException {
    List<FileContent> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing(f -> f.entry().path(), PathOrder.BYTEWISE));
    long written = 0;
    int inode = 1;
    for (FileContent file : sorted) {
      Entry e = file.entry();
      byte[] data = switch (e.type()) {
        case FILE -> file.bytes();
        case SYMLINK -> e.linkTarget().getBytes(StandardCharsets.UTF_8);
        default -> new byte[0];
      };
      written += entry(out, "./" + e.path(), inode++, fileType(e) | (e.mode() & 07777),
          e.type() == EntryType.DIRECTORY ? 2 : 1, e.mtime(), data, written);
    }
    entry(out, "TRAILER!!!", 0, 0, 1, 0, new byte[0], written);
  }

  private static int fileType(Entry e) {
    return switch (e.type()) {
      case FILE, HARDLINK -> S_IFREG;
      case DIRECTORY -> S_IFDIR;
      case SYMLINK -> S_IFLNK;
      case OTHER -> S_IFIFO;
    };
  }

  /** Writes one member at stream offset {@code at} and returns the bytes written. */
  private static long entry(OutputStream out, String name, int inode, int mode, int nlink,
      long mtime, byte[] data, long at) throws IOException {
    if (data.length > MAX_SIZE || mtime < 0 || mtime > MAX_SIZE) {
      throw new IllegalArgumentException("cpio newc size and mtime must fit 32 bits: " + name
          + " size " + data.length + ", mtime " + mtime);
    }
    byte[] nameBytes = (name + "\0").getBytes(StandardCharsets.UTF_8);
    long[] fields = {inode, mode, 0, 0, nlink, mtime, data.length, 0, 0, 0, 0, nameBytes.length, 0};
    StringBuilder header = new StringBuilder("070701");
    for (long field : fields) {
      header.append(String.format("%08x", field));
    }
    byte[] head = header.toString().getBytes(StandardCharsets.US_ASCII);
    out.write(head);
    out.write(nameBytes);
    long length = head.length + nameBytes.length;
    length += pad(out, at + length);
    out.write(data);
    length += data.length;
    return length + pad(out, at + length);
  }

  private static int pad(OutputStream out, long position) throws IOException {
    int padding = (int) ((4 - position % 4) % 4);
    out.write(new byte[padding]);
    return padding;
  }
}
