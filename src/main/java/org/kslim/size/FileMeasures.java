package org.kslim.size;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.kslim.source.Entry;

/**
 * The per-entry arithmetic of the measures. Installed-Size follows dpkg-gencontrol: a regular
 * file or symlink adds its size ({@code lstat}'s, so a symlink's target length) rounded up to
 * KiB, a hard link to a file already counted adds nothing, and anything else (a directory, the
 * package root, a device) adds 1 KiB. Disk space follows {@code du} on ext4: a file takes its
 * size rounded up to blocks, a directory one block, a symlink of 60 bytes or more one block
 * (shorter targets live in the inode).
 */
final class FileMeasures {
  private static final int KIB = 1024;
  private static final int INLINE_SYMLINK = 60;

  private FileMeasures() {}

  /** Apparent bytes, as rpm's SIZE counts them. */
  static long installed(Entry e) {
    return switch (e.type()) {
      case FILE -> e.size();
      case SYMLINK -> targetLength(e);
      default -> 0;
    };
  }

  static long installedKib(Entry e) {
    return switch (e.type()) {
      case FILE, SYMLINK -> ceil(installed(e), KIB);
      case HARDLINK -> 0;
      case DIRECTORY, OTHER -> 1;
    };
  }

  static long disk(Entry e, int blockSize) {
    return switch (e.type()) {
      case FILE -> ceil(e.size(), blockSize) * blockSize;
      case SYMLINK -> targetLength(e) >= INLINE_SYMLINK ? blockSize : 0;
      case DIRECTORY -> blockSize;
      case HARDLINK, OTHER -> 0;
    };
  }

  /** Installed-Size of a package holding {@code files}: its root and parent directories count too. */
  static long packageInstalledKib(List<Entry> entries) {
    return FileTree.withParentEntries(entries).stream().mapToLong(FileMeasures::installedKib).sum();
  }

  /** Disk bytes of the unpacked file set, its root and parent directories included. */
  static long packageDisk(List<Entry> entries, int blockSize) {
    return FileTree.withParentEntries(entries).stream().mapToLong(e -> disk(e, blockSize)).sum();
  }

  private static long targetLength(Entry e) {
    return e.linkTarget() == null ? 0 : e.linkTarget().getBytes(StandardCharsets.UTF_8).length;
  }

  private static long ceil(long value, long unit) {
    return (value + unit - 1) / unit;
  }
}
