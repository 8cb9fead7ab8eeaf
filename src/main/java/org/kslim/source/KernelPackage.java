package org.kslim.source;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A kernel package opened for reading: a {@code .deb}, an {@code .rpm} or a directory tree.
 * Entries are streamed, never extracted to disk; every call to {@link #forEachEntry} reads the
 * package again from the start, so a later stage (sizes, package writing) can stream it anew.
 */
public interface KernelPackage {
  /** The file or directory this package was opened from. */
  Path path();

  PackageFormat format();

  /** Name, version, architecture and the other fields the package declares about itself. */
  PackageInfo info();

  /**
   * Streams every entry to {@code visitor}, in archive order (sorted by path for a tree).
   *
   * @throws org.kslim.BadInputException when the package is corrupt or an entry is unsafe
   */
  void forEachEntry(EntryVisitor visitor) throws IOException;
}
