package org.kslim.size;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/**
 * Writes the {@code data.tar} that {@code dpkg-deb -b} writes for a folder holding the files:
 * the folder itself as {@code ./}, every parent directory (implied ones with mode 0755), entries
 * in tree-walk order with symlinks moved to the end (so none precedes its target), GNU tar.
 */
final class DebPayloadWriter implements PayloadWriter {
  @Override
  public void write(List<FileContent> files, OutputStream out) throws IOException {
    GnuTarWriter tar = new GnuTarWriter(out);
    for (FileContent file : ordered(FileTree.withParents(files))) {
      Entry e = file.entry();
      boolean dir = e.type() == EntryType.DIRECTORY;
      String name = e.path().isEmpty() ? "./" : "./" + e.path() + (dir ? "/" : "");
      String link = e.type() == EntryType.HARDLINK ? "./" + e.linkTarget() : e.linkTarget();
      tar.header(name, typeFlag(e.type()), e.mode(), e.mtime(), e.user(), e.group(), e.size(), link);
      if (e.isFile()) {
        tar.data(file.bytes());
      }
    }
    tar.finish();
  }

  private static List<FileContent> ordered(List<FileContent> files) {
    List<FileContent> sorted = new ArrayList<>(files);
    sorted.sort(Comparator.comparing((FileContent f) -> f.entry().type() == EntryType.SYMLINK)
        .thenComparing(f -> f.entry().path(), PathOrder.TREE_WALK));
    return sorted;
  }

  private static char typeFlag(EntryType type) {
    return switch (type) {
      case FILE -> '0';
      case HARDLINK -> '1';
      case SYMLINK -> '2';
      case DIRECTORY -> '5';
      case OTHER -> '6';
    };
  }
}
