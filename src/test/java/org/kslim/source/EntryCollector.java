package org.kslim.source;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Records every entry a package streams, with its content, for tests.
 *
 * <pre>{@code
 * EntryCollector entries = EntryCollector.of(PackageReader.open(deb));
 * byte[] ko = entries.content("lib/modules/6.1.0-56-amd64/kernel/fs/ext4/ext4.ko");
 * }</pre>
 */
public final class EntryCollector implements EntryVisitor {
  private final List<Entry> entries = new ArrayList<>();
  private final Map<String, byte[]> contents = new LinkedHashMap<>();

  /** Every entry of {@code pkg}, in streaming order. */
  public static EntryCollector of(KernelPackage pkg) throws IOException {
    EntryCollector collector = new EntryCollector();
    pkg.forEachEntry(collector);
    return collector;
  }

  @Override
  public void visit(Entry entry, InputStream content) throws IOException {
    entries.add(entry);
    contents.put(entry.path(), content.readAllBytes());
  }

  public List<Entry> entries() {
    return entries;
  }

  public List<String> paths() {
    return entries.stream().map(Entry::path).toList();
  }

  public Entry entry(String path) {
    return entries.stream().filter(e -> e.path().equals(path)).findFirst().orElseThrow(() -> new AssertionError("no entry " + path + " in " + paths()));
  }

  public byte[] content(String path) {
    return contents.get(path);
  }
}
