package org.kslim.source.rpm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.source.SourceLimits;

/**
 * The file list of an rpm header, by absolute path ({@code DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]}),
 * with each file's metadata. Every per-file tag must have one element per file; the file count
 * is checked against the entry limit before any per-file array is read.
 */
final class RpmFiles {
  private final Map<String, RpmFile> byPath;

  private RpmFiles(Map<String, RpmFile> byPath) {
    this.byPath = byPath;
  }

  static RpmFiles of(RpmHeader header, SourceLimits limits) {
    int count = header.entry(RpmTag.BASENAMES.number()).map(IndexEntry::count).orElse(0);
    RpmHeader.check(count <= limits.maxEntryCount(), header.fileOffset(),
        "header lists " + count + " files, more than the limit of " + limits.maxEntryCount());
    RpmTag sizes = header.entry(RpmTag.LONGFILESIZES.number()).isPresent() ? RpmTag.LONGFILESIZES : RpmTag.FILESIZES;
    for (RpmTag tag : List.of(RpmTag.DIRINDEXES, RpmTag.FILEUSERNAME, RpmTag.FILEGROUPNAME, RpmTag.FILEMODES, RpmTag.FILEMTIMES,
        sizes, RpmTag.FILELINKTOS)) {
      int found = header.entry(tag.number()).map(IndexEntry::count).orElse(0);
      RpmHeader.check(found == count, header.fileOffset(), tag + " has " + found + " elements for " + count + " files");
    }
    int dirCount = header.entry(RpmTag.DIRNAMES.number()).map(IndexEntry::count).orElse(0);
    RpmHeader.check(dirCount <= count, header.fileOffset(), "DIRNAMES has " + dirCount + " elements for " + count + " files");
    List<String> dirs = strings(header, RpmTag.DIRNAMES, dirCount);
    List<String> names = strings(header, RpmTag.BASENAMES, count);
    long[] dirIndexes = header.numbers(RpmTag.DIRINDEXES.number());
    List<String> users = strings(header, RpmTag.FILEUSERNAME, count);
    List<String> groups = strings(header, RpmTag.FILEGROUPNAME, count);
    long[] modes = header.numbers(RpmTag.FILEMODES.number());
    long[] mtimes = header.numbers(RpmTag.FILEMTIMES.number());
    long[] fileSizes = header.numbers(sizes.number());
    List<String> links = strings(header, RpmTag.FILELINKTOS, count);
    Map<String, RpmFile> byPath = new HashMap<>();
    for (int i = 0; i < count; i++) {
      RpmHeader.check(dirIndexes[i] < dirs.size(), header.fileOffset(),
          "file " + i + " has directory index " + dirIndexes[i] + " of " + dirs.size() + " directories");
      String path = dirs.get((int) dirIndexes[i]) + names.get(i);
      RpmFile file = new RpmFile((int) modes[i], users.get(i), groups.get(i), mtimes[i], fileSizes[i], links.get(i));
      RpmHeader.check(byPath.put(path, file) == null, header.fileOffset(), "file " + path + " is listed twice");
    }
    return new RpmFiles(byPath);
  }

  /**
   * The strings of {@code tag}, which must be {@code expected}: a tag of type STRING holds one
   * whatever count its index entry gives.
   */
  private static List<String> strings(RpmHeader header, RpmTag tag, int expected) {
    List<String> values = header.strings(tag.number());
    RpmHeader.check(values.size() == expected, header.fileOffset(), tag + " holds " + values.size() + " strings for " + expected);
    return values;
  }

  /** The header's record of {@code path} (absolute, as the header spells it). */
  Optional<RpmFile> file(String path) {
    return Optional.ofNullable(byPath.get(path));
  }
}
