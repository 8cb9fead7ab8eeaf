package org.kslim.source.tree;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.kslim.BadInputException;
import org.kslim.source.Entry;
import org.kslim.source.EntryVisitor;
import org.kslim.source.FileContent;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.source.EntryGuard;
import org.kslim.source.SourceLimits;

/**
 * A kernel installed as a directory tree, read in place: entries sorted by path, symlinks
 * reported as such and never followed (so {@code lib/modules/VER/build} pointing outside the tree
 * is just a symlink), hard links reported as files, each with its own content; a device file,
 * fifo or socket is refused.
 *
 * <pre>{@code
 * KernelPackage tree = TreePackage.detect(Path.of("/lib/modules/6.1.0-56-amd64"), SourceLimits.DEFAULTS)
 *     .orElseThrow();
 * tree.forEachEntry((entry, content) -> System.out.println(entry.path()));  // lib/modules/6.1.0-56-amd64/...
 * }</pre>
 */
public final class TreePackage implements KernelPackage {
  private final Path path;
  private final TreeLayout layout;
  private final SourceLimits limits;

  private TreePackage(Path path, TreeLayout layout, SourceLimits limits) {
    this.path = path;
    this.layout = layout;
    this.limits = limits;
  }

  /**
   * The tree in {@code dir}, or empty when {@code dir} holds neither {@code lib/modules/VER},
   * {@code usr/lib/modules/VER}, nor is itself such a folder (with {@code modules.order},
   * {@code modules.builtin} or a {@code kernel/} folder holding {@code .ko} files).
   */
  public static Optional<TreePackage> detect(Path dir, SourceLimits limits) {
    try {
      return TreeLayout.detect(dir).map(layout -> new TreePackage(dir, layout, limits));
    } catch (IOException e) {
      throw new BadInputException(dir + ": cannot read folder: " + e.getMessage(), e);
    }
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public PackageFormat format() {
    return PackageFormat.TREE;
  }

  /** The folder's name as the package name; every other field empty. */
  @Override
  public PackageInfo info() {
    Path name = path.toAbsolutePath().normalize().getFileName();
    return new PackageInfo(name == null ? "" : name.toString(), "", "", "", "", Map.of(), Map.of());
  }

  @Override
  public void forEachEntry(EntryVisitor visitor) throws IOException {
    new SortedWalk(path.toString(), layout, new EntryGuard(path.toString(), limits), new OwnerNames())
        .walk(file -> visit(file, visitor));
  }

  private static void visit(TreeFile file, EntryVisitor visitor) throws IOException {
    Entry entry = file.entry();
    if (entry.isFile()) {
      try (FileContent content = FileContent.open(file.file())) {
        visitor.visit(entry, content);
      }
    } else {
      visitor.visit(entry, InputStream.nullInputStream());
    }
  }
}
