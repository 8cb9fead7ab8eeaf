package org.kslim.source.tree;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Map;
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
  /** What one status call of the "unix" view gives, without the name lookups its owner and group would cost. */
  private static final String UNIX_STATUS = "unix:mode,uid,gid,size,lastModifiedTime,isSymbolicLink,isDirectory,isRegularFile";

  /** Reads the file's status once where the file system has the "unix" view, naming owners through {@code owners}. */
  static TreeFile read(String path, Path file, OwnerNames owners) throws IOException {
    if (!file.getFileSystem().supportedFileAttributeViews().contains("unix")) {
      return read(path, file);
    }
    Map<String, Object> status = Files.readAttributes(file, UNIX_STATUS, LinkOption.NOFOLLOW_LINKS);
    EntryType type = typeOf((Boolean) status.get("isSymbolicLink"), (Boolean) status.get("isDirectory"),
        (Boolean) status.get("isRegularFile"));
    int mode = (Integer) status.get("mode") & PERMISSION_BITS;
    String user = owners.user((Integer) status.get("uid"), file);
    String group = owners.group((Integer) status.get("gid"), file);
    long mtime = ((FileTime) status.get("lastModifiedTime")).toMillis() / 1000;
    return entry(path, file, type, mode, user, group, mtime, (Long) status.get("size"));
  }

  /** Reads the file's status through the basic and, where there is one, the posix view. */
  static TreeFile read(String path, Path file) throws IOException {
    BasicFileAttributes basic = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    EntryType type = typeOf(basic.isSymbolicLink(), basic.isDirectory(), basic.isRegularFile());
    String user = "";
    String group = "";
    int mode = 0;
    if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      PosixFileAttributes posix = Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      user = posix.owner().getName();
      group = posix.group().getName();
      mode = modeOf(posix.permissions());
    }
    long mtime = basic.lastModifiedTime().toMillis() / 1000;
    return entry(path, file, type, mode, user, group, mtime, basic.size());
  }

  private static TreeFile entry(String path, Path file, EntryType type, int mode, String user, String group, long mtime,
      long fileSize) throws IOException {
    long size = type == EntryType.FILE ? fileSize : 0;
    String target = type == EntryType.SYMLINK ? Files.readSymbolicLink(file).toString() : null;
    return new TreeFile(new Entry(path, type, mode, user, group, mtime, size, target), file);
  }

  private static EntryType typeOf(boolean symbolicLink, boolean directory, boolean regularFile) {
    if (symbolicLink) {
      return EntryType.SYMLINK;
    }
    if (directory) {
      return EntryType.DIRECTORY;
    }
    return regularFile ? EntryType.FILE : EntryType.OTHER;
  }

  /** The permissions as mode bits, for a file system without the "unix" view (no setuid, setgid, sticky). */
  private static int modeOf(Set<PosixFilePermission> permissions) {
    int mode = 0;
    for (PosixFilePermission permission : permissions) {
      mode |= 0400 >> permission.ordinal();
    }
    return mode;
  }
}
