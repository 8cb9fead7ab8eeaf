package org.kslim.source;

import java.util.Objects;

/**
 * One file, directory or link of a kernel package, as the package records it.
 *
 * <pre>{@code
 * Entry e = new Entry("lib/modules/6.1.0-56-amd64/kernel/fs/ext4/ext4.ko", EntryType.FILE,
 *     0644, "root", "root", 1700000000L, 1234567L, null);
 * }</pre>
 *
 * @param path normalised path relative to the package root: no leading {@code /} or {@code ./},
 *     no {@code ..} segment, no empty segment; {@code /usr/lib/modules/...} stays as it is
 * @param type what the entry is
 * @param mode permission bits (and setuid/setgid/sticky), without the file-type bits
 * @param user owner name, as recorded (may be empty where the package records only numbers)
 * @param group group name, as recorded
 * @param mtime modification time in seconds since the epoch
 * @param size content bytes for a {@link EntryType#FILE}, 0 otherwise
 * @param linkTarget target of a symlink or hard link, null otherwise
 */
public record Entry(
    String path, EntryType type, int mode, String user, String group, long mtime, long size, String linkTarget) {
  public Entry {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    if (size < 0) {
      throw new IllegalArgumentException("size must not be negative: " + size + " for " + path);
    }
  }

  public boolean isFile() {
    return type == EntryType.FILE;
  }
}
