package org.kslim.size;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.kslim.Progress;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;
import org.kslim.source.KernelPackage;

/**
 * Measures packages: every {@link Measure}, the payload really written and compressed, per-file
 * sizes, with figures taken from the {@link SizeCache} where the content is unchanged. Packages
 * are measured in parallel on {@link SizeSettings#threads()} threads.
 *
 * <pre>{@code
 * SizeMeter meter = new SizeMeter(SizeSettings.of(PayloadFormat.DEB), SizeCache.disabled());
 * SizeSheet sheet = meter.measure(kernelPackage,
 *     entry -> Optional.of(entry.path().contains("/kernel/drivers/") ? "modules-extra" : "core"));
 * }</pre>
 */
public final class SizeMeter {
  private final SizeSettings settings;
  private final SizeCache cache;
  private final Compressor compressor;

  public SizeMeter(SizeSettings settings, SizeCache cache) {
    this(settings, cache, settings.kind().create(settings.compression(), settings.threads()));
  }

  SizeMeter(SizeSettings settings, SizeCache cache, Compressor compressor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.compressor = compressor;
  }

  /** What compresses the payloads. */
  public CompressorDescription compressor() {
    return compressor.description();
  }

  /**
   * Reads {@code source} once and measures each package that {@code packageOf} assigns entries
   * to; entries it maps to empty belong to no package.
   */
  public SizeSheet measure(KernelPackage source, Function<Entry, Optional<String>> packageOf)
      throws IOException {
    return measure(source, packageOf, Progress.NONE);
  }

  /**
   * As {@link #measure(KernelPackage, Function)}, telling {@code progress} of the entries read
   * and then of the packages compressed (with their uncompressed bytes).
   */
  public SizeSheet measure(KernelPackage source, Function<Entry, Optional<String>> packageOf, Progress progress)
      throws IOException {
    Map<String, List<FileContent>> packages = read(source, packageOf, progress);
    return measure(packages, progress);
  }

  /**
   * Reads {@code source} once into the file sets {@code packageOf} assigns entries to (contents
   * held in memory), telling {@code progress} of the entries read.
   */
  public static Map<String, List<FileContent>> read(KernelPackage source, Function<Entry, Optional<String>> packageOf,
      Progress progress) throws IOException {
    Map<String, List<FileContent>> packages = new TreeMap<>();
    try (Progress.Task task = progress.start("measuring " + source.path().getFileName(), -1, -1)) {
      source.forEachEntry((entry, content) -> {
        Optional<String> name = packageOf.apply(entry);
        if (name.isPresent()) {
          packages.computeIfAbsent(name.get(), n -> new ArrayList<>()).add(FileContent.read(source, entry, content));
        }
        task.advance(1, entry.isFile() ? entry.size() : 0);
      });
    }
    return packages;
  }

  /** Module files recompressed by {@code modules}, their figures taken with this meter's payload compression and cache. */
  public RecompressedModules recompressed(ModuleFileCompressor modules) {
    return new RecompressedModules(modules, settings.compression(), settings.threads(), cache);
  }

  /** The settings this meter measures with. */
  public SizeSettings settings() {
    return settings;
  }

  /** Measures each named file set, in parallel; the sheet lists them by name. */
  public SizeSheet measure(Map<String, List<FileContent>> packages) throws IOException {
    return measure(packages, Progress.NONE);
  }

  /** As {@link #measure(Map)}, telling {@code progress} of each package measured (with its bytes). */
  public SizeSheet measure(Map<String, List<FileContent>> packages, Progress progress) throws IOException {
    Map<String, Long> alone = alone(packages.values().stream().flatMap(List::stream).toList(), progress);
    long total = packages.values().stream().mapToLong(SizeMeter::bytes).sum();
    try (Progress.Task task = progress.start("compressing", packages.size(), total)) {
      return measure(packages, alone, task);
    }
  }

  private SizeSheet measure(Map<String, List<FileContent>> packages, Map<String, Long> alone, Progress.Task done)
      throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), task -> {
      Thread thread = new Thread(task, "kslim-size");
      thread.setDaemon(true);
      return thread;
    });
    try {
      // largest first, so that the last package to finish is a small one
      Map<String, Future<PackageSizes>> futures = new TreeMap<>();
      packages.entrySet().stream()
          .sorted(Comparator.comparingLong((Map.Entry<String, List<FileContent>> e) -> -bytes(e.getValue())))
          .forEach(e -> futures.put(e.getKey(), pool.submit(() -> {
            PackageSizes sizes = measure(e.getKey(), e.getValue(), alone);
            done.advance(1, bytes(e.getValue()));
            return sizes;
          })));
      List<PackageSizes> sizes = new ArrayList<>();
      for (Future<PackageSizes> future : futures.values()) {
        sizes.add(future.get());
      }
      return new SizeSheet(sizes);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while measuring");
    } catch (ExecutionException e) {
      throw rethrow(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private static long bytes(List<FileContent> files) {
    return files.stream().mapToLong(f -> f.bytes().length).sum();
  }

  /** Measures one package holding {@code files}. */
  public PackageSizes measure(String name, List<FileContent> files) throws IOException {
    return measure(name, files, alone(files, Progress.NONE));
  }

  /**
   * Each regular file of {@code files} compressed alone, by content hash, when the settings ask
   * for it (all files at once, on every thread); else nothing.
   */
  private Map<String, Long> alone(List<FileContent> files, Progress progress) throws IOException {
    if (!settings.perFileCompressed()) {
      return Map.of();
    }
    Map<String, byte[]> contents = new HashMap<>();
    for (FileContent file : files) {
      if (file.entry().isFile()) {
        contents.putIfAbsent(ContentHash.of(file.bytes()), file.bytes());
      }
    }
    return new AloneSizes(settings.compression(), settings.threads(), cache).measure(contents, progress);
  }

  private PackageSizes measure(String name, List<FileContent> files, Map<String, Long> alone) throws IOException {
    List<String> hashes = files.stream().map(f -> ContentHash.of(f.bytes())).toList();
    String label = compressor.description().label();
    long[] payload = payload(files, packageKey(files, hashes, label));
    List<FileSizes> fileSizes = new ArrayList<>();
    long count = 0;
    long installed = 0;
    for (int i = 0; i < files.size(); i++) {
      Entry e = files.get(i).entry();
      count += e.type() == EntryType.DIRECTORY ? 0 : 1;
      installed += FileMeasures.installed(e);
      fileSizes.add(new FileSizes(e.path(), e.type(), FileMeasures.installed(e),
          FileMeasures.installedKib(e), FileMeasures.disk(e, settings.blockSize()), hashes.get(i),
          compressedAlone(files.get(i), hashes.get(i), alone)));
    }
    Map<Measure, Long> measures = new EnumMap<>(Measure.class);
    measures.put(Measure.FILES, count);
    measures.put(Measure.INSTALLED, installed);
    measures.put(Measure.INSTALLED_KIB, FileMeasures.packageInstalledKib(files));
    measures.put(Measure.DISK, FileMeasures.packageDisk(files, settings.blockSize()));
    measures.put(Measure.COMPRESSED, payload[1]);
    return new PackageSizes(name, settings.format(), measures, payload[0], compressor.description(), fileSizes);
  }

  /** Uncompressed and compressed payload length, from the cache or by writing and compressing. */
  private long[] payload(List<FileContent> files, String key) throws IOException {
    Optional<long[]> cached = cache.get("package", key).filter(v -> v.length == 2);
    if (cached.isPresent()) {
      return cached.get();
    }
    long[] result = compressor instanceof CachedLengths blocks
        ? blocks.lengths(settings.format().writer(), files, cache)
        : compressed(files);
    cache.put("package", key, result);
    return result;
  }

  /** Uncompressed and compressed payload length, compressing the whole payload. */
  private long[] compressed(List<FileContent> files) throws IOException {
    CountingOutputStream compressed = new CountingOutputStream(OutputStream.nullOutputStream());
    CountingOutputStream raw;
    try (OutputStream zipped = compressor.open(compressed)) {
      raw = new CountingOutputStream(zipped);
      settings.format().writer().write(files, raw);
    }
    return new long[] {raw.count(), compressed.count()};
  }

  private static OptionalLong compressedAlone(FileContent file, String hash, Map<String, Long> alone) {
    Long length = file.entry().isFile() ? alone.get(hash) : null;
    return length == null ? OptionalLong.empty() : OptionalLong.of(length);
  }

  private String packageKey(List<FileContent> files, List<String> hashes, String label) {
    StringBuilder text = new StringBuilder(settings.format().name()).append('\n').append(label).append('\n');
    for (int i = 0; i < files.size(); i++) {
      Entry e = files.get(i).entry();
      text.append(e.path()).append('\0').append(e.type()).append('\0').append(e.mode()).append('\0')
          .append(e.user()).append('\0').append(e.group()).append('\0').append(e.mtime()).append('\0')
          .append(e.size()).append('\0').append(e.linkTarget()).append('\0').append(hashes.get(i)).append('\n');
    }
    return ContentHash.of(text.toString());
  }

  private static IOException rethrow(Throwable cause) {
    if (cause instanceof IOException io) {
      return io;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IOException(cause);
  }
}
