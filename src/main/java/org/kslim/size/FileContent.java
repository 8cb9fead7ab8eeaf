package org.kslim.size;

import java.util.Objects;
import org.kslim.source.Entry;

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
}
