package org.kslim.source.deb;

import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.kslim.source.Entry;
import org.kslim.source.EntryGuard;
import org.kslim.source.EntryType;
import org.kslim.source.EntryVisitor;
import org.kslim.source.SourceLimits;

/**
 * Streams a tar archive's entries to a visitor: paths normalised and guarded, hard links
 * reported as {@link EntryType#HARDLINK} with their normalised target; devices and fifos are
 * refused ({@link EntryGuard#checkType}).
 */
final class TarEntries {
  private static final int PERMISSION_BITS = 07777;

  private TarEntries() {}

  /**
   * @param tarData the decompressed tar stream
   * @param source the package file named in errors
   */
  static void stream(InputStream tarData, String source, SourceLimits limits, EntryVisitor visitor) throws IOException {
    EntryGuard guard = new EntryGuard(source, limits);
    TarReader tar = new TarReader(tarData, source);
    for (TarArchiveEntry raw = tar.next(); raw != null; raw = tar.next()) {
      String path = guard.admit(raw.getName());
      if (path == null) {
        continue;
      }
      Entry entry = entry(path, raw, guard);
      guard.checkType(path, entry.type());
      guard.checkSize(path, entry.size());
      if (entry.isFile()) {
        visitor.visit(entry, tar.content(path));
      } else {
        visitor.visit(entry, InputStream.nullInputStream());
      }
    }
  }

  private static Entry entry(String path, TarArchiveEntry raw, EntryGuard guard) {
    EntryType type = type(raw);
    String target = switch (type) {
      case SYMLINK -> raw.getLinkName();
      case HARDLINK -> guard.linkTarget(path, raw.getLinkName());
      default -> null;
    };
    long mtime = raw.getLastModifiedTime().to(TimeUnit.SECONDS);
    long size = type == EntryType.FILE ? raw.getSize() : 0;
    return new Entry(path, type, raw.getMode() & PERMISSION_BITS, raw.getUserName(), raw.getGroupName(), mtime, size, target);
  }

  private static EntryType type(TarArchiveEntry raw) {
    if (raw.isSymbolicLink()) {
      return EntryType.SYMLINK;
    }
    if (raw.isLink()) {
      return EntryType.HARDLINK;
    }
    if (raw.isDirectory()) {
      return EntryType.DIRECTORY;
    }
    if (raw.isCharacterDevice() || raw.isBlockDevice() || raw.isFIFO()) {
      return EntryType.OTHER;
    }
    return raw.isFile() ? EntryType.FILE : EntryType.OTHER;
  }
}
