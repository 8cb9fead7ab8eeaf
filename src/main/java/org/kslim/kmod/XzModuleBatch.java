package org.kslim.kmod;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.kslim.kmod.VersionTree.ModuleOutcome;
import org.kslim.source.HostXzDecoder;

/**
 * {@code .ko.xz} modules gathered while a package streams, to be decoded by one run of the
 * host's xz ({@link org.kslim.source.HostXzDecoder}) and then parsed. A batch is full at
 * {@value #MAX_BYTES} compressed bytes or {@value #MAX_MODULES} modules: large enough that
 * starting a process costs little beside decoding, small enough that every core gets batches.
 */
final class XzModuleBatch {
  static final int MAX_BYTES = 1 << 20;
  static final int MAX_MODULES = 128;

  /** One module: where it is, its stored bytes, the file they are (null for none), the size its xz index declares, its outcome to come. */
  record Item(String relative, String location, ByteBuffer stored, Path file, long size,
      CompletableFuture<ModuleOutcome> outcome) {
    HostXzDecoder.Input input() {
      return new HostXzDecoder.Input(stored, file, size);
    }
  }

  private List<Item> items = new ArrayList<>();
  private long bytes;

  void add(Item item) {
    items.add(item);
    bytes += item.stored().remaining();
  }

  boolean isFull() {
    return bytes >= MAX_BYTES || items.size() >= MAX_MODULES;
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** The items gathered so far; the batch starts empty again. */
  List<Item> drain() {
    List<Item> drained = items;
    items = new ArrayList<>();
    bytes = 0;
    return drained;
  }
}
