package org.kslim.check;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.kslim.Progress;
import org.kslim.source.EntryVisitor;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;
import org.kslim.size.FileContent;

/**
 * A package read once: the first {@link #forEachEntry} streams it from its file and keeps every
 * entry with its bytes, later calls replay them from memory, so placing and measuring decode the
 * package one time only.
 */
final class BufferedPackage implements KernelPackage {
  private final KernelPackage source;
  private List<FileContent> contents;

  BufferedPackage(KernelPackage source) {
    this.source = Objects.requireNonNull(source, "source");
  }

  @Override
  public Path path() {
    return source.path();
  }

  @Override
  public void forEachEntry(EntryVisitor visitor) throws IOException {
    if (contents != null) {
      for (FileContent file : contents) {
        visitor.visit(file.entry(), new ByteArrayInputStream(file.bytes()));
      }
      return;
    }
    List<FileContent> read = new ArrayList<>();
    source.forEachEntry((entry, content) -> {
      FileContent file = FileContent.read(source, entry, content);
      read.add(file);
      visitor.visit(entry, new ByteArrayInputStream(file.bytes()));
    });
    contents = read;
  }

  @Override
  public PackageFormat format() {
    return source.format();
  }

  /**
   * Every entry with its bytes, in archive order; unless read before, the package is read now,
   * telling {@code progress}.
   */
  List<FileContent> contents(Progress progress) throws IOException {
    if (contents == null) {
      try (Progress.Task task = progress.start("measuring " + source.path().getFileName(), -1, -1)) {
        forEachEntry((entry, content) -> task.advance(1, entry.isFile() ? entry.size() : 0));
      }
    }
    return contents;
  }

  @Override
  public PackageInfo info() {
    return source.info();
  }

  /** The package read from its file. */
  KernelPackage source() {
    return source;
  }
}
