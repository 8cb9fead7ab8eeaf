package org.kslim.split;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.kslim.BadInputException;

/**
 * Writes one {@code <package>.list} per active package: its module paths, sorted, one a line;
 * an active package without modules gets an empty list, as filtermods.py writes. Each file is
 * written to a temporary file in {@code dir} and renamed into place.
 *
 * <pre>{@code
 * List<Path> written = SplitLists.write(split, Path.of("out"), ListStyle.ABSOLUTE,
 *     "6.1.0-56-cloud-amd64", "/lib/modules");
 * // out/modules-core.list: /lib/modules/6.1.0-56-cloud-amd64/kernel/drivers/block/virtio_blk.ko ...
 * }</pre>
 */
public final class SplitLists {
  private SplitLists() {}

  /**
   * Writes the lists into {@code dir} (created when missing).
   *
   * @param kernelVersion the {@code lib/modules} folder name; used by {@link ListStyle#ABSOLUTE}
   * @param modulesRoot {@code /lib/modules}, or {@code /usr/lib/modules} for a merged-usr
   *     package; used by {@link ListStyle#ABSOLUTE}
   * @return the files written, in package order
   */
  public static List<Path> write(Split split, Path dir, ListStyle style, String kernelVersion, String modulesRoot) {
    if (kernelVersion.isEmpty() || kernelVersion.contains("/") || kernelVersion.startsWith(".")) {
      throw new IllegalArgumentException("kernelVersion must be one folder name: " + kernelVersion);
    }
    if (!modulesRoot.startsWith("/") || modulesRoot.endsWith("/")) {
      throw new IllegalArgumentException("modulesRoot must be absolute, without a trailing /: " + modulesRoot);
    }
    String prefix = style == ListStyle.ABSOLUTE ? modulesRoot + "/" + kernelVersion + "/" : "";
    List<Path> written = new ArrayList<>();
    try {
      Files.createDirectories(dir);
      for (String pkg : split.packages()) {
        Path target = dir.resolve(pkg + ".list");
        Path temporary = Files.createTempFile(dir, "." + pkg, ".tmp");
        try {
          try (Writer out = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            for (String module : split.modules(pkg)) {
              out.write(prefix + module + "\n");
            }
          }
          Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
          Files.deleteIfExists(temporary);
        }
        written.add(target);
      }
    } catch (IOException e) {
      throw new BadInputException(dir + ": cannot write the module lists: " + e.getMessage(), e);
    }
    return written;
  }
}
