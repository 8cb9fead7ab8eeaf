package org.kslim.size;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;

/** A file set as unpacked into a folder: the folder itself and every parent directory exist. */
final class FileTree {
  private FileTree() {}

  /** The file set with the root and every missing parent directory added. */
  static List<FileContent> withParents(List<FileContent> files) {
    Map<String, FileContent> byPath = new TreeMap<>();
    for (FileContent file : files) {
      byPath.put(file.entry().path(), file);
    }
    for (FileContent file : files) {
      String path = file.entry().path();
      while (!path.isEmpty()) {
        path = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        byPath.putIfAbsent(path, FileContent.of(new Entry(path, EntryType.DIRECTORY, 0755, "root",
            "root", file.entry().mtime(), 0, null)));
      }
    }
    if (files.isEmpty()) {
      byPath.put("", FileContent.of(new Entry("", EntryType.DIRECTORY, 0755, "root", "root", 0, 0, null)));
    }
    return new ArrayList<>(byPath.values());
  }
}
