package org.kslim.size;

import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import org.kslim.BadInputException;
import org.kslim.source.Entry;
import org.kslim.source.KernelPackage;

/**
 * One entry of a package's file set together with its stored bytes (empty for anything but a
 * regular file). The array is held, not copied: callers hand it over and do not change it.
 *
 * <pre>{@code
 * FileContent f = new FileContent(new Entry("lib/modules/6.1.0/kernel/a.ko", EntryType.FILE,
 *     0644, "root", "root", 0L, 3, null), new byte[] {1, 2, 3});
 * }</pre>
 */
public record FileContent(Entry entry, byte[] bytes) {
  private static final byte[] NONE = new byte[0];
  private static final int MAX_CONTENT = Integer.MAX_VALUE - 8;

  public FileContent {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(bytes, "bytes");
    if (entry.isFile() && bytes.length != entry.size()) {
      throw new IllegalArgumentException(entry.path() + ": content holds " + bytes.length
          + " bytes but the entry declares " + entry.size());
    }
    if (!entry.isFile() && bytes.length != 0) {
      throw new IllegalArgumentException(entry.path() + ": only a regular file has content, "
          + entry.type() + " has " + bytes.length + " bytes");
    }
  }

  /** An entry without content: a directory, a link or another non-regular file. */
  public static FileContent of(Entry entry) {
    return new FileContent(entry, NONE);
  }

  /**
   * The entry and its content, read whole from {@code content} (as a {@link KernelPackage}'s visitor
   * receives it); fails naming the package and entry when the content is short or too large.
   */
  public static FileContent read(KernelPackage source, Entry entry, InputStream content) throws IOException {
    if (!entry.isFile()) {
      return FileContent.of(entry);
    }
    if (entry.size() > MAX_CONTENT) {
      throw new BadInputException(source.path() + "!" + entry.path() + ": " + entry.size()
          + " bytes is more than kslim measures in one file (" + MAX_CONTENT + ")");
    }
    byte[] bytes = content.readNBytes((int) entry.size());
    if (bytes.length != entry.size()) {
      throw new BadInputException(source.path() + "!" + entry.path() + ": content ends after "
          + bytes.length + " of " + entry.size() + " bytes");
    }
    return new FileContent(entry, bytes);
  }

}
