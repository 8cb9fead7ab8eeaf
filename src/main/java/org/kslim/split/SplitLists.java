package org.kslim.split;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.kslim.AtomicFile;

/**
 * Writes one {@code <package>.list} per active package: its module paths, sorted, one a line;
 * an active package without modules gets an empty list, as filtermods.py writes. Each file is
 * written atomically ({@link AtomicFile}).
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
   * @throws org.kslim.BadInputException when a list cannot be written
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
    for (String pkg : split.packages()) {
      Path target = dir.resolve(pkg + ".list");
      StringBuilder text = new StringBuilder();
      for (String module : split.modules(pkg)) {
        text.append(prefix).append(module).append('\n');
      }
      AtomicFile.write(target, out -> out.write(text.toString().getBytes(StandardCharsets.UTF_8)));
      written.add(target);
    }
    return written;
  }
}
