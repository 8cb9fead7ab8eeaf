package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import org.kslim.MalformedInputException;

/**
 * The content of one archive entry as a visitor sees it: closing it leaves the archive open, and
 * a read error of the archive beneath (truncation, corrupt data) becomes a
 * {@link MalformedInputException} located at {@code file!entry}, telling it apart from the
 * visitor's own I/O errors.
 *
 * <pre>{@code
 * visitor.visit(entry, new EntryContent(tar, "tar", "pkg.deb!" + entry.path()));
 * }</pre>
 */
public final class EntryContent extends ReadErrorInputStream {
  /**
   * @param archive the archive stream positioned at the entry's content
   * @param format the archive format named in errors ({@code tar}, {@code cpio})
   * @param where the file and entry named in errors
   */
  public EntryContent(InputStream archive, String format, String where) {
    super(archive, format, where);
  }

  /** {@code e}, a read error of an archive at {@code offset}, as the malformed input it means. */
  public static MalformedInputException readError(String format, long offset, String where, IOException e) {
    return ReadErrorInputStream.readError(format, offset, where, e);
  }

  @Override
  public void close() {
    // The archive stays open for the next entry.
  }
}
