package org.kslim.source.tree;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Where a directory's kernel files sit: a package root holding {@code lib/modules/VER} or
 * {@code usr/lib/modules/VER} (prefix empty), or a {@code lib/modules/VER} folder itself (prefix
 * {@code lib/modules/VER/}, VER being the folder's name).
 *
 * @param root the folder whose content becomes the package's entries
 * @param prefix what each entry path below {@code root} starts with
 */
record TreeLayout(Path root, String prefix) {
  private static final String[] MODULE_ROOTS = {"lib/modules", "usr/lib/modules"};

  static Optional<TreeLayout> detect(Path dir) throws IOException {
    for (String modules : MODULE_ROOTS) {
      if (hasSubfolder(dir.resolve(modules))) {
        return Optional.of(new TreeLayout(dir, ""));
      }
    }
    if (isModuleFolder(dir)) {
      return Optional.of(new TreeLayout(dir, "lib/modules/" + dir.toAbsolutePath().normalize().getFileName() + "/"));
    }
    return Optional.empty();
  }

  /** The entry path of the layout's root folder itself, or null when the root is the package root. */
  String rootEntry() {
    return prefix.isEmpty() ? null : prefix.substring(0, prefix.length() - 1);
  }

  private static boolean hasSubfolder(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return false;
    }
    try (Stream<Path> children = Files.list(dir)) {
      return children.anyMatch(Files::isDirectory);
    }
  }

  private static boolean isModuleFolder(Path dir) throws IOException {
    if (Files.isRegularFile(dir.resolve("modules.order")) || Files.isRegularFile(dir.resolve("modules.builtin"))) {
      return true;
    }
    Path kernel = dir.resolve("kernel");
    if (!Files.isDirectory(kernel)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(kernel)) {
      return files.anyMatch(f -> f.getFileName().toString().contains(".ko") && Files.isRegularFile(f));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
