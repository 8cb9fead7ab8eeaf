package org.kslim.size;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.Progress;
import org.kslim.source.Entry;

/**
 * Module files recompressed as {@code make modules_install} would ({@link ModuleFileCompressor}):
 * either the whole file set rewritten (for exact measures), or per module, by content hash, its
 * installed length and its figure compressed alone with the payload's compression (for
 * estimates), both kept in the {@link SizeCache} so that a second run compresses nothing.
 *
 * <pre>{@code
 * RecompressedModules xz = meter.recompressed(ModuleFileCompressor.of(Compression.XZ));
 * Map<String, RecompressedModules.Figures> bySha256 = xz.figures(files, Progress.NONE);
 * List<FileContent> installed = xz.rewrite(files);   // .ko -> .ko.xz, others unchanged
 * }</pre>
 */
public final class RecompressedModules {
  private final ModuleFileCompressor modules;
  private final AloneSizes alone;
  private final SizeCache cache;

  /** A module's installed length and its figure compressed alone with the payload's compression. */
  public record Figures(long installed, long alone) {}

  RecompressedModules(ModuleFileCompressor modules, PayloadCompression payload, int threads, SizeCache cache) {
    this.modules = modules;
    this.alone = new AloneSizes(payload, threads, cache);
    this.cache = cache;
  }

  /** {@code files} with every module file recompressed and renamed; other entries as they are. */
  public List<FileContent> rewrite(List<FileContent> files) throws IOException {
    try {
      return files.parallelStream().map(this::rewritten).toList();
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The figures of every module file of {@code files}, by the SHA-256 of its content as it is now. */
  public Map<String, Figures> figures(List<FileContent> files, Progress progress) throws IOException {
    Map<String, Figures> figures = new HashMap<>();
    List<FileContent> missing = new ArrayList<>();
    for (FileContent file : files) {
      if (isModule(file)) {
        String hash = ContentHash.of(file.bytes());
        Optional<long[]> cached = cache.get("module", key(hash)).filter(v -> v.length == 2);
        if (cached.isPresent()) {
          figures.put(hash, new Figures(cached.get()[0], cached.get()[1]));
        } else {
          missing.add(file);
        }
      }
    }
    List<FileContent> rewritten = rewrite(missing);
    Map<String, byte[]> contents = new HashMap<>();
    rewritten.forEach(f -> contents.put(ContentHash.of(f.bytes()), f.bytes()));
    Map<String, Long> lengths = alone.measure(contents, progress);
    for (int i = 0; i < missing.size(); i++) {
      byte[] after = rewritten.get(i).bytes();
      String hash = ContentHash.of(missing.get(i).bytes());
      Figures f = new Figures(after.length, lengths.get(ContentHash.of(after)));
      cache.put("module", key(hash), f.installed(), f.alone());
      figures.put(hash, f);
    }
    return figures;
  }

  private String key(String hash) {
    return hash + " " + modules.label() + " " + alone.label();
  }

  private static boolean isModule(FileContent file) {
    return file.entry().isFile() && ModuleFileCompressor.isModule(file.entry().path());
  }

  private FileContent rewritten(FileContent file) {
    if (!isModule(file)) {
      return file;
    }
    Entry e = file.entry();
    try {
      byte[] bytes = modules.recompress(file.bytes(), e.path());
      return new FileContent(new Entry(modules.path(e.path()), e.type(), e.mode(), e.user(), e.group(), e.mtime(),
          bytes.length, e.linkTarget()), bytes);
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
  }
}
