package org.kslim.kmod;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;
import org.kslim.source.EntryVisitor;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageInfo;

/** A kernel package held in memory, its entries in the order they were added. */
final class MemoryPackage implements KernelPackage {
  private final Path path;
  private final List<Entry> entries = new ArrayList<>();
  private final List<byte[]> contents = new ArrayList<>();

  MemoryPackage(String name) {
    this.path = Path.of(name);
  }

  MemoryPackage directory(String entryPath) {
    return add(new Entry(entryPath, EntryType.DIRECTORY, 0755, "root", "root", 0, 0, null), new byte[0]);
  }

  MemoryPackage file(String entryPath, byte[] content) {
    return add(new Entry(entryPath, EntryType.FILE, 0644, "root", "root", 0, content.length, null), content);
  }

  MemoryPackage file(String entryPath, String content) {
    return file(entryPath, content.getBytes(StandardCharsets.UTF_8));
  }

  MemoryPackage symlink(String entryPath, String target) {
    return add(new Entry(entryPath, EntryType.SYMLINK, 0777, "root", "root", 0, 0, target), new byte[0]);
  }

  private MemoryPackage add(Entry entry, byte[] content) {
    entries.add(entry);
    contents.add(content);
    return this;
  }

  @Override
  public Path path() {
    return path;
  }

  @Override
  public PackageFormat format() {
    return PackageFormat.DEB;
  }

  @Override
  public PackageInfo info() {
    return new PackageInfo(path.toString(), "1", "1", "amd64", "", Map.of(), Map.of());
  }

  @Override
  public void forEachEntry(EntryVisitor visitor) throws IOException {
    for (int i = 0; i < entries.size(); i++) {
      visitor.visit(entries.get(i), new ByteArrayInputStream(contents.get(i)));
    }
  }
}
