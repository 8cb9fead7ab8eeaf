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
import org.kslim.source.Compression;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;
import org.kslim.source.KernelPackage;


/**
 * Measures packages: every {@link Measure}, the payload really written and compressed, per-file
 * sizes, with figures taken from the {@link SizeCache} where the content is unchanged. Packages
 * are measured in parallel: xz payloads all at once, their blocks sharing
 * {@link SizeSettings#threads()} workers; others on that many threads.
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
  /** Measures each file's share of its payload, when the settings ask for per-file figures; else null. */
  private final ShareSizes shareSizes;

  public SizeMeter(SizeSettings settings, SizeCache cache) {
    this(settings, cache, settings.kind().create(settings.compression(), settings.threads()));
  }

  SizeMeter(SizeSettings settings, SizeCache cache, Compressor compressor) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.cache = Objects.requireNonNull(cache, "cache");
    this.compressor = compressor;
    this.shareSizes = settings.perFileCompressed() ? new ShareSizes(settings.compression(), settings.threads(), cache) : null;
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

  /**
   * Every regular file of {@code files} compressed alone with this meter's payload compression,
   * by the SHA-256 of its content (cached by content hash): what recompressed modules' figures
   * are set against.
   */
  public Map<String, Long> alone(List<FileContent> files, Progress progress) throws IOException {
    Map<String, byte[]> contents = new HashMap<>();
    for (FileContent file : files) {
      if (file.entry().isFile()) {
        contents.putIfAbsent(ContentHash.of(file.bytes()), file.bytes());
      }
    }
    return new AloneSizes(settings.compression(), settings.threads(), cache).measure(contents, progress);
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
    Map<String, List<HashedEntry>> hashed = new TreeMap<>();
    packages.forEach((name, files) -> hashed.put(name, hashed(files)));
    Map<String, long[]> shares = shares(packages, hashed, progress);
    long total = packages.values().stream().mapToLong(SizeMeter::bytes).sum();
    try (Progress.Task task = progress.start("compressing", packages.size(), total)) {
      return measure(packages, hashed, shares, task);
    }
  }

  private SizeSheet measure(Map<String, List<FileContent>> packages, Map<String, List<HashedEntry>> hashed,
      Map<String, long[]> shares, Progress.Task done) throws IOException {
    // xz payloads are cut into blocks that share the compressor's workers: every package is
    // written at once so that its blocks wait in one queue; other compressors take a thread each
    int writers = settings.compression().compression() == Compression.XZ
        ? Math.max(1, packages.size()) : settings.threads();
    ExecutorService pool = Executors.newFixedThreadPool(writers, task -> {
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
            PackageSizes sizes = measure(e.getKey(), e.getValue(), hashed.get(e.getKey()), shares.get(e.getKey()));
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

  private static List<HashedEntry> hashed(List<FileContent> files) {
    return files.stream().map(f -> new HashedEntry(f.entry(), ContentHash.of(f.bytes()))).toList();
  }

  /** Measures one package holding {@code files}. */
  public PackageSizes measure(String name, List<FileContent> files) throws IOException {
    List<HashedEntry> hashed = hashed(files);
    return measure(name, files, hashed, shares(files, hashed));
  }

  /**
   * Each package's files' shares of its payload when the settings ask for them (one package
   * after another, each on every thread); else nothing.
   */
  private Map<String, long[]> shares(Map<String, List<FileContent>> packages, Map<String, List<HashedEntry>> hashed,
      Progress progress) throws IOException {
    if (!settings.perFileCompressed()) {
      return Map.of();
    }
    Map<String, long[]> shares = new TreeMap<>();
    long total = packages.values().stream().mapToLong(SizeMeter::bytes).sum();
    try (Progress.Task task = progress.start("measuring each file's compressed share", packages.size(), total)) {
      for (Map.Entry<String, List<FileContent>> e : packages.entrySet()) {
        shares.put(e.getKey(), shares(e.getValue(), hashed.get(e.getKey())));
        task.advance(1, bytes(e.getValue()));
      }
    }
    return shares;
  }

  private long[] shares(List<FileContent> files, List<HashedEntry> hashed) throws IOException {
    return settings.perFileCompressed() ? shareSizes.measure(packageKey(hashed), files) : null;
  }

  private PackageSizes measure(String name, List<FileContent> files, List<HashedEntry> hashed, long[] shares)
      throws IOException {
    String key = packageKey(hashed);
    Optional<long[]> cached = cachedPayload(key);
    long[] payload = cached.isPresent() ? cached.get() : payload(files, key);
    return sizes(name, hashed, payload, figures(hashed, shares));
  }

  /** Each entry's share where {@code shares} holds one (regular files, when asked for); else empty. */
  private static List<OptionalLong> figures(List<HashedEntry> hashed, long[] shares) {
    List<OptionalLong> figures = new ArrayList<>();
    for (int i = 0; i < hashed.size(); i++) {
      figures.add(shares != null && hashed.get(i).entry().isFile() ? OptionalLong.of(shares[i]) : OptionalLong.empty());
    }
    return figures;
  }

  /**
   * The sheet of packages known by their entries and content hashes alone, when the cache holds
   * every figure they need (each payload's, and each file's share where asked for); empty when
   * any is missing, and then the packages must be measured from their content.
   */
  public Optional<SizeSheet> measureCached(Map<String, List<HashedEntry>> packages) {
    List<PackageSizes> sizes = new ArrayList<>();
    for (Map.Entry<String, List<HashedEntry>> e : new TreeMap<>(packages).entrySet()) {
      Optional<long[]> payload = cachedPayload(packageKey(e.getValue()));
      if (payload.isEmpty()) {
        return Optional.empty();
      }
      long[] shares = null;
      if (settings.perFileCompressed()) {
        Optional<long[]> cached = shareSizes.cached(packageKey(e.getValue()), e.getValue().size());
        if (cached.isEmpty()) {
          return Optional.empty();
        }
        shares = cached.get();
      }
      sizes.add(sizes(e.getKey(), e.getValue(), payload.get(), figures(e.getValue(), shares)));
    }
    return Optional.of(new SizeSheet(sizes));
  }

  private PackageSizes sizes(String name, List<HashedEntry> files, long[] payload, List<OptionalLong> alone) {
    List<Entry> entries = files.stream().map(HashedEntry::entry).toList();
    List<FileSizes> fileSizes = new ArrayList<>();
    long count = 0;
    long installed = 0;
    for (int i = 0; i < files.size(); i++) {
      Entry e = entries.get(i);
      count += e.type() == EntryType.DIRECTORY ? 0 : 1;
      installed += FileMeasures.installed(e);
      fileSizes.add(new FileSizes(e.path(), e.type(), FileMeasures.installed(e),
          FileMeasures.installedKib(e), FileMeasures.disk(e, settings.blockSize()), files.get(i).sha256(),
          alone.get(i)));
    }
    Map<Measure, Long> measures = new EnumMap<>(Measure.class);
    measures.put(Measure.FILES, count);
    measures.put(Measure.INSTALLED, installed);
    measures.put(Measure.INSTALLED_KIB, FileMeasures.packageInstalledKib(entries));
    measures.put(Measure.DISK, FileMeasures.packageDisk(entries, settings.blockSize()));
    measures.put(Measure.COMPRESSED, payload[1]);
    return new PackageSizes(name, settings.format(), measures, payload[0], compressor.description(), fileSizes);
  }

  private Optional<long[]> cachedPayload(String key) {
    return cache.get("package", key).filter(v -> v.length == 2);
  }

  /** Uncompressed and compressed payload length, by writing and compressing; kept in the cache. */
  private long[] payload(List<FileContent> files, String key) throws IOException {
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

  private String packageKey(List<HashedEntry> files) {
    StringBuilder text = new StringBuilder(settings.format().name()).append('\n')
        .append(compressor.description().label()).append('\n');
    for (HashedEntry file : files) {
      Entry e = file.entry();
      text.append(e.path()).append('\0').append(e.type()).append('\0').append(e.mode()).append('\0')
          .append(e.user()).append('\0').append(e.group()).append('\0').append(e.mtime()).append('\0')
          .append(e.size()).append('\0').append(e.linkTarget()).append('\0').append(file.sha256()).append('\n');
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
