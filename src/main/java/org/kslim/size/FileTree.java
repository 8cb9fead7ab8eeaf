package org.kslim.size;

import java.util.ArrayList;
import java.util.HashMap;
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
    Map<String, FileContent> byPath = new HashMap<>();
    for (FileContent file : files) {
      byPath.put(file.entry().path(), file);
    }
    List<FileContent> result = new ArrayList<>();
    for (Entry entry : withParentEntries(files.stream().map(FileContent::entry).toList())) {
      FileContent given = byPath.get(entry.path());
      result.add(given != null ? given : FileContent.of(entry));
    }
    return result;
  }

  /** The entries with the root and every missing parent directory added, sorted by path. */
  static List<Entry> withParentEntries(List<Entry> entries) {
    Map<String, Entry> byPath = new TreeMap<>();
    for (Entry entry : entries) {
      byPath.put(entry.path(), entry);
    }
    for (Entry entry : entries) {
      String path = entry.path();
      while (!path.isEmpty()) {
        path = path.contains("/") ? path.substring(0, path.lastIndexOf('/')) : "";
        byPath.putIfAbsent(path, new Entry(path, EntryType.DIRECTORY, 0755, "root", "root", entry.mtime(), 0, null));
      }
    }
    if (entries.isEmpty()) {
      byPath.put("", new Entry("", EntryType.DIRECTORY, 0755, "root", "root", 0, 0, null));
    }
    return new ArrayList<>(byPath.values());
  }
}
