package org.kslim.check;

import java.nio.file.Files;
import java.nio.file.Path;
import org.kslim.UsageException;

/**
 * The kernel the machine runs, for commands called without a package: its
 * {@code /lib/modules/$(uname -r)} folder.
 *
 * <pre>{@code
 * Path tree = RunningKernel.modulesFolder(Path.of("/"), System.getProperty("os.version"));
 * }</pre>
 */
public final class RunningKernel {
  private RunningKernel() {}

  /** The modules folder of {@code release} below {@code root}; fails saying what to pass instead. */
  public static Path modulesFolder(Path root, String release) {
    for (String base : new String[] {"lib/modules", "usr/lib/modules"}) {
      Path folder = root.resolve(base).resolve(release);
      if (Files.isDirectory(folder)) {
        return folder;
      }
    }
    throw new UsageException("no package given and the running kernel " + release + " has no "
        + root.resolve("lib/modules").resolve(release) + ": pass a .deb, an .rpm or a lib/modules/VER folder");
  }

  /** The running system's modules folder. */
  public static Path modulesFolder() {
    return modulesFolder(Path.of("/"), System.getProperty("os.version"));
  }
}
