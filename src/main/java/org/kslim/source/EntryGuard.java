package org.kslim.source;

import java.util.HashSet;
import java.util.Set;
import org.kslim.BadInputException;

/**
 * Admits the entries of one pass over a package: normalises each archive path, refuses paths
 * that escape the package root (absolute, or holding {@code ..}), duplicates, device files,
 * fifos and sockets, more entries than the limit allows and entries larger than the limit.
 *
 * <pre>{@code
 * EntryGuard guard = new EntryGuard("pkg.deb", SourceLimits.DEFAULTS);
 * guard.admit("./lib/modules/6.1.0-56-amd64/");   // "lib/modules/6.1.0-56-amd64"
 * guard.admit("./");                              // null: the package root itself
 * guard.admit("./../etc/passwd");                 // BadInputException
 * guard.checkSize("lib/modules/6.1.0-56-amd64/huge.ko", 5L << 30);  // BadInputException
 * }</pre>
 */
public final class EntryGuard {
  private final String source;
  private final int maxEntries;
  private final long maxEntrySize;
  private final Set<String> seen = new HashSet<>();

  /**
   * @param source the package file, named in every error
   * @param limits whose {@link SourceLimits#maxEntryCount()} bounds the entries admitted
   */
  public EntryGuard(String source, SourceLimits limits) {
    this.source = source;
    this.maxEntries = limits.maxEntryCount();
    this.maxEntrySize = limits.maxEntrySize();
  }

  /**
   * The normalised path of the next entry, or null for the package root ({@code .}, {@code ./}).
   *
   * @throws BadInputException when the path escapes the root, repeats an earlier one, or the
   *     package holds more entries than the limit
   */
  public String admit(String raw) {
    String path = normalise(raw);
    if (path == null) {
      return null;
    }
    if (!seen.add(path)) {
      throw new BadInputException(source + "!" + path + ": duplicate path");
    }
    if (seen.size() > maxEntries) {
      throw new BadInputException(source + ": more than " + maxEntries + " entries (limit)");
    }
    return path;
  }

  /**
   * Refuses an entry whose declared content is larger than {@link SourceLimits#maxEntrySize()},
   * before any of it is read.
   */
  public void checkSize(String path, long size) {
    if (size > maxEntrySize) {
      throw new BadInputException(source + "!" + path + ": entry of " + size + " bytes exceeds the limit of " + maxEntrySize + " bytes");
    }
  }

  /**
   * Refuses a device file, fifo or socket ({@link EntryType#OTHER}): a kernel package holds none,
   * and none may reach a package kslim writes.
   */
  public void checkType(String path, EntryType type) {
    if (type == EntryType.OTHER) {
      throw new BadInputException(source + "!" + path + ": a device file, fifo or socket, which no kernel package holds");
    }
  }

  /**
   * The normalised target of a hard link named {@code raw} in the archive.
   *
   * @throws BadInputException when the target escapes the package root or is the root itself
   */
  public String linkTarget(String path, String raw) {
    String target = normalise(raw);
    if (target == null) {
      throw new BadInputException(source + "!" + path + ": hard link to the package root");
    }
    return target;
  }

  /**
   * {@code raw} without its leading {@code ./} and trailing {@code /}, or null for the root.
   *
   * @throws BadInputException when it is absolute or holds a {@code ..}, {@code .} or empty segment
   */
  public String normalise(String raw) {
    String path = raw;
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    while (path.endsWith("/") && path.length() > 1) {
      path = path.substring(0, path.length() - 1);
    }
    if (path.isEmpty() || path.equals(".")) {
      return null;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
        throw new BadInputException(source + "!" + raw + ": path escapes the package root");
      }
    }
    return path;
  }
}
