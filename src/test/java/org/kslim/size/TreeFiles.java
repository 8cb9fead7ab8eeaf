package org.kslim.size;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/** An unpacked folder read as a file set, with its contents, for the real-kernel tests. */
final class TreeFiles {
  private TreeFiles() {}

  /** Every entry below {@code root} (not the root itself, not {@code DEBIAN/}), in path order. */
  static List<FileContent> read(Path root) throws IOException {
    List<FileContent> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted().toList()) {
        String relative = root.relativize(path).toString();
        if (relative.isEmpty() || relative.equals("DEBIAN") || relative.startsWith("DEBIAN/")) {
          continue;
        }
        files.add(entry(path, relative));
      }
    }
    return files;
  }

  private static FileContent entry(Path path, String relative) throws IOException {
    PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    int mode = 0;
    for (PosixFilePermission p : a.permissions()) {
      mode |= 1 << (8 - p.ordinal());
    }
    long mtime = a.lastModifiedTime().toMillis() / 1000;
    if (a.isSymbolicLink()) {
      return FileContent.of(new Entry(relative, EntryType.SYMLINK, mode, "root", "root", mtime, 0,
          Files.readSymbolicLink(path).toString()));
    }
    if (a.isDirectory()) {
      return FileContent.of(new Entry(relative, EntryType.DIRECTORY, mode, "root", "root", mtime, 0, null));
    }
    byte[] bytes = Files.readAllBytes(path);
    return new FileContent(new Entry(relative, EntryType.FILE, mode, "root", "root", mtime, bytes.length, null), bytes);
  }
}
