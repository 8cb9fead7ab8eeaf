package org.kslim.size;

import java.util.Objects;
import java.util.OptionalLong;
import org.kslim.source.EntryType;

/**
 * The sizes of one entry of a package.
 *
 * <pre>{@code
 * FileSizes f = sheet.get("modules-core").file("lib/modules/6.1.0/kernel/fs/ext4/ext4.ko");
 * f.installedKib();           // KiB it adds to Installed-Size
 * f.compressedShare();        // what the module adds to its payload compressed, if asked for
 * }</pre>
 *
 * @param path the entry's path
 * @param type what the entry is
 * @param installed apparent bytes: a file's size, a symlink's target length, else 0
 * @param installedKib what dpkg adds to Installed-Size for it: a file's or symlink's bytes rounded
 *     up to KiB, 1 for a directory or special file, 0 for a hard link
 * @param disk bytes on disk at the sheet's block size
 * @param sha256 hex SHA-256 of the content (of no bytes for anything but a file)
 * @param compressedShare what this file's bytes add to its package's payload compressed with the
 *     payload's algorithm and level by kslim's built-in libraries, the files before it in the
 *     dictionary ({@link ShareSizes}); an estimate of its share, not exact (the payload carries
 *     archive headers and is not flushed per file); empty unless asked for
 */
public record FileSizes(String path, EntryType type, long installed, long installedKib, long disk,
    String sha256, OptionalLong compressedShare) {
  public FileSizes {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(sha256, "sha256");
    Objects.requireNonNull(compressedShare, "compressedShare");
  }
}
