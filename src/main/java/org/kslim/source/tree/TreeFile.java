package org.kslim.source.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/**
 * One file of a tree with the entry it becomes: type, mode, owner and mtime from the file
 * system, links not followed.
 *
 * @param entry what the package reports
 * @param file where the content is read from
 */
record TreeFile(Entry entry, Path file) {
  private static final int PERMISSION_BITS = 07777;

  static TreeFile read(String path, Path file) throws IOException {
    BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    EntryType type = typeOf(basic);
    String user = "";
    String group = "";
    int mode = 0;
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      user = posix.owner().getName();
      group = posix.group().getName();
      mode = modeOf(file, posix.permissions());
    }
    long size = type == EntryType.FILE ? basic.size() : 0;
    String target = type == EntryType.SYMLINK ? Files.readSymbolicLink(file).toString() : null;
    long mtime = basic.lastModifiedTime().toMillis() / 1000;
    return new TreeFile(new Entry(path, type, mode, user, group, mtime, size, target), file);
  }

  private static EntryType typeOf(BasicFileAttributes attributes) {
    if (attributes.isSymbolicLink()) {
      return EntryType.SYMLINK;
    }
    if (attributes.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    return attributes.isRegularFile() ? EntryType.FILE : EntryType.OTHER;
  }

  /** The full mode (with setuid, setgid and sticky) where the "unix" view has it, else the permissions. */
  private static int modeOf(Path file, Set<PosixFilePermission> permissions) throws IOException {
    if (file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return (Integer) Files.getAttribute(file, "unix:mode", LinkOption.NOFOLLOW_LINKS) & PERMISSION_BITS;
    }
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return mode;
  }
}
