package org.kslim.source.rpm;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.cpio.CpioArchiveEntry;
import org.apache.commons.compress.archivers.cpio.CpioArchiveInputStream;
import org.kslim.BadInputException;
import org.kslim.MalformedInputException;
import org.kslim.source.Entry;
import org.kslim.source.EntryContent;
import org.kslim.source.EntryGuard;
import org.kslim.source.EntryType;
import org.kslim.source.EntryVisitor;
import org.kslim.source.SourceLimits;

/**
 * Streams an rpm's cpio payload ({@code newc} 070701 or {@code crc} 070702) to a visitor, each
 * entry described by the header's record of its file (owner and group names, mode, mtime,
 * size, link target), paths normalised ({@code ./usr/lib/...} becomes {@code usr/lib/...}).
 *
 * <p>Hard links: cpio stores a set of hard-linked names with the content on the last one. The
 * name carrying the content comes out as a {@link EntryType#FILE}, followed by the set's other
 * names as {@link EntryType#HARDLINK} entries whose target is that file, as in a tar.
 */
final class CpioEntries {
  private static final String FORMAT = "cpio";
  private static final int TYPE_BITS = 0170000;
  private static final int REGULAR = 0100000;
  private static final int DIRECTORY = 0040000;
  private static final int SYMLINK = 0120000;
  private static final int PERMISSION_BITS = 07777;

  private final String source;
  private final RpmFiles files;
  private final EntryGuard guard;
  private final Map<String, List<Entry>> waitingLinks = new HashMap<>();

  private CpioEntries(String source, RpmFiles files, SourceLimits limits) {
    this.source = source;
    this.files = files;
    this.guard = new EntryGuard(source, limits);
  }

  /**
   * @param payload the decompressed cpio archive
   * @param source the package file named in errors
   */
  static void stream(InputStream payload, String source, RpmFiles files, SourceLimits limits, EntryVisitor visitor)
      throws IOException {
    new CpioEntries(source, files, limits).stream(payload, visitor);
  }

  private void stream(InputStream payload, EntryVisitor visitor) throws IOException {
    CpioArchiveInputStream cpio = new CpioArchiveInputStream(payload);
    for (CpioArchiveEntry raw = next(cpio); raw != null; raw = next(cpio)) {
      String path = guard.admit(raw.getName());
      if (path == null) {
        continue;
      }
      Entry entry = entry(path);
      if (!entry.isFile()) {
        visitor.visit(entry, InputStream.nullInputStream());
        continue;
      }
      List<Entry> waiting = raw.getNumberOfLinks() > 1 ? waitingLinks.computeIfAbsent(inode(raw), key -> new ArrayList<>()) : List.of();
      if (waiting.size() + 1 < raw.getNumberOfLinks()) {
        waiting.add(entry);
        continue;
      }
      check(raw.getSize() == entry.size(), cpio.getBytesRead(), path + " holds " + raw.getSize() + " bytes, the header says " + entry.size());
      visitor.visit(entry, new EntryContent(cpio, FORMAT, source + "!" + path));
      visitLinks(waitingLinks.remove(inode(raw)), entry, visitor);
    }
    for (List<Entry> waiting : waitingLinks.values()) {
      check(false, cpio.getBytesRead(), "hard link " + waiting.get(0).path() + " has no member carrying its content");
    }
  }

  /** The other names of a hard-link set, after the name that carried the content. */
  private static void visitLinks(List<Entry> links, Entry file, EntryVisitor visitor) throws IOException {
    if (links == null) {
      return;
    }
    for (Entry link : links) {
      visitor.visit(new Entry(link.path(), EntryType.HARDLINK, link.mode(), link.user(), link.group(), link.mtime(), 0, file.path()),
          InputStream.nullInputStream());
    }
  }

  private static String inode(CpioArchiveEntry raw) {
    return raw.getDeviceMaj() + ":" + raw.getDeviceMin() + ":" + raw.getInode();
  }

  private Entry entry(String path) {
    RpmFile file = files.file("/" + path)
        .orElseThrow(() -> new BadInputException(source + "!" + path + ": payload file not listed in the rpm header"));
    EntryType type = switch (file.mode() & TYPE_BITS) {
      case REGULAR -> EntryType.FILE;
      case DIRECTORY -> EntryType.DIRECTORY;
      case SYMLINK -> EntryType.SYMLINK;
      default -> EntryType.OTHER;
    };
    long size = type == EntryType.FILE ? file.size() : 0;
    guard.checkType(path, type);
    guard.checkSize(path, size);
    String target = type == EntryType.SYMLINK ? file.linkTarget() : null;
    return new Entry(path, type, file.mode() & PERMISSION_BITS, file.user(), file.group(), file.mtime(), size, target);
  }

  private CpioArchiveEntry next(CpioArchiveInputStream cpio) {
    try {
      return cpio.getNextEntry();
    } catch (IOException e) {
      throw EntryContent.readError(FORMAT, cpio.getBytesRead(), source, e);
    }
  }

  private void check(boolean condition, long offset, String reason) {
    try {
      MalformedInputException.verify(condition, FORMAT, offset, reason);
    } catch (MalformedInputException e) {
      throw e.in(source);
    }
  }
}
