package org.kslim.kmod;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.kslim.BadInputException;
import org.kslim.KslimException;
import org.kslim.Progress;
import org.kslim.UsageException;
import org.kslim.elf.ElfChannelReader;
import org.kslim.kmod.VersionTree.ModuleOutcome;
import org.kslim.source.Entry;
import org.kslim.source.EntryVisitor;
import org.kslim.source.FileContent;
import org.kslim.source.HostXzDecoder;
import org.kslim.source.KernelPackage;
import org.kslim.source.XzStreamIndex;

/**
 * Streams a kernel package once and parses its modules in parallel into a {@link ModuleSet}.
 * The streaming thread hands each module's bytes to a pool through a bounded number of slots,
 * so only a few modules are in memory at any time; a plain module of a folder is handed over by
 * name, and the pool thread reads it. Where the host has {@code xz}, {@code .ko.xz}
 * modules go to the pool in batches that one xz process decodes ({@link XzModuleBatch}); a batch
 * xz cannot decode is decoded module by module in Java, which names the broken one.
 *
 * <pre>{@code
 * ModuleSet set = new ModuleSetReader(ModuleSetReader.Options.DEFAULTS.withKeepGoing(true))
 *     .read(PackageReader.open(Path.of("linux-image-6.1.0-56-amd64-unsigned_6.1.192-2_amd64.deb")));
 * set.problems().forEach(p -> System.err.println(p.reason()));
 * }</pre>
 */
public final class ModuleSetReader {
  private static final String BOOT = "boot/";
  private static final String PLAIN_SUFFIX = ".ko";

  /**
   * How to read.
   *
   * <pre>{@code
   * ModuleSetReader.Options.DEFAULTS.withKernelVersion("6.1.0-56-amd64").withKeepGoing(true).withThreads(2);
   * }</pre>
   *
   * @param kernelVersion the kernel to read when the package holds several, null to require one
   * @param keepGoing report an unparseable module as a {@link ModuleProblem} instead of failing
   * @param threads parsing threads
   * @param maxModuleSize the most bytes a module (or a module list file) may take, stored or decompressed
   * @param hostXz decode {@code .ko.xz} modules with the host's xz when it has one ({@link HostXzDecoder#find})
   */
  public record Options(String kernelVersion, boolean keepGoing, int threads, long maxModuleSize, boolean hostXz) {
    public static final Options DEFAULTS = new Options(null, false, Math.max(1, Runtime.getRuntime().availableProcessors()),
        ModuleParser.DEFAULT_MAX_MODULE_SIZE, true);

    public Options {
      if (threads < 1 || threads > 256) {
        throw new IllegalArgumentException("threads must be 1..256: " + threads);
      }
    }

    /**
     * {@link #DEFAULTS} with modules of at most {@link ModuleParser#MODULE_SIZE}, its system
     * property read now.
     *
     * @throws org.kslim.UsageException when the property is not a size up to 2 GiB
     */
    public static Options configured() {
      return DEFAULTS.withMaxModuleSize(ModuleParser.MODULE_SIZE.intValue());
    }

    public Options withKernelVersion(String version) {
      return new Options(version, keepGoing, threads, maxModuleSize, hostXz);
    }

    public Options withKeepGoing(boolean keep) {
      return new Options(kernelVersion, keep, threads, maxModuleSize, hostXz);
    }

    public Options withThreads(int count) {
      return new Options(kernelVersion, keepGoing, count, maxModuleSize, hostXz);
    }

    public Options withMaxModuleSize(long bytes) {
      return new Options(kernelVersion, keepGoing, threads, bytes, hostXz);
    }

    public Options withHostXz(boolean use) {
      return new Options(kernelVersion, keepGoing, threads, maxModuleSize, use);
    }
  }

  private final Options options;
  private final ModuleParser parser;
  private final Optional<HostXzDecoder> hostXz;

  public ModuleSetReader() {
    this(Options.configured());
  }

  public ModuleSetReader(Options options) {
    this.options = options;
    this.parser = new ModuleParser(options.maxModuleSize());
    this.hostXz = options.hostXz() ? HostXzDecoder.find() : Optional.empty();
  }

  /**
   * Reads the package's kernel.
   *
   * @throws UsageException when the package holds several kernels and none was chosen, or not the chosen one
   * @throws BadInputException when it holds no module tree, or (unless keeping going) a module is broken
   */
  public ModuleSet read(KernelPackage pkg) throws IOException {
    return read(pkg, Progress.NONE);
  }

  /** As {@link #read(KernelPackage)}, telling {@code progress} of every entry read (count and bytes). */
  public ModuleSet read(KernelPackage pkg, Progress progress) throws IOException {
    ExecutorService pool = Executors.newFixedThreadPool(options.threads(), task -> {
      Thread thread = new Thread(task, "kslim-module-parser");
      thread.setDaemon(true);
      return thread;
    });
    try (Progress.Task task = progress.start("reading " + pkg.path().getFileName(), -1, -1)) {
      Run run = new Run(pkg.path().toString(), pool);
      pkg.forEachEntry((entry, content) -> {
        run.visit(entry, content);
        task.advance(1, entry.isFile() ? entry.size() : 0);
      });
      return run.finish();
    } finally {
      pool.shutdownNow();
    }
  }

  /** One reading of one package. */
  private final class Run implements EntryVisitor {
    private final String where;
    private final ExecutorService pool;
    private final Semaphore slots;
    private final Map<String, VersionTree> versions = new TreeMap<>();
    private final List<Entry> boot = new ArrayList<>();
    private final List<Entry> others = new ArrayList<>();
    private final AtomicReference<KslimException> failure = new AtomicReference<>();
    private final XzModuleBatch batch = new XzModuleBatch();
    private final ThreadLocal<ElfChannelReader> elfReaders = ThreadLocal.withInitial(ElfChannelReader::new);

    Run(String where, ExecutorService pool) {
      this.where = where;
      this.pool = pool;
      this.slots = new Semaphore(2 * options.threads() + 1);
    }

    @Override
    public void visit(Entry entry, InputStream content) throws IOException {
      rethrowFailure();
      if (entry.path().startsWith(BOOT)) {
        boot.add(entry);
      }
      Optional<ModulesPath> at = ModulesPath.of(entry.path());
      if (at.isEmpty()) {
        others.add(entry);
        return;
      }
      ModulesPath path = at.get();
      VersionTree tree = versions.computeIfAbsent(path.version(), v -> new VersionTree(path.root()));
      boolean wanted = options.kernelVersion() == null || options.kernelVersion().equals(path.version());
      String location = where + "!" + entry.path();
      String fileName = path.relative().substring(path.relative().lastIndexOf('/') + 1);
      if (wanted && entry.isFile() && content instanceof FileContent onDisk && fileName.endsWith(PLAIN_SUFFIX)) {
        // a pool thread opens the module and reads only the parts it needs; nothing of it is held
        // meanwhile, so it takes no slot, and the listing runs ahead without waiting for the parsing
        tree.modules().add(pool.submit(
            () -> parsed(path.relative(), () -> parser.parse(path.relative(), location, onDisk.file(), elfReaders.get()))));
        return;
      }
      if (wanted && entry.isFile() && ModuleParser.isModuleFileName(fileName)) {
        ByteBuffer stored = EntryBytes.buffer(content, location, options.maxModuleSize(), entry.size());
        Path file = content instanceof FileContent onDisk ? onDisk.file() : null;
        if (!batched(tree, path.relative(), location, stored, file)) {
          submit(tree, path.relative(), location, stored);
        }
        return;
      }
      others.add(entry);
      if (wanted && entry.isFile()) {
        tree.packageFile(path.relative(), entry, content, location, options.maxModuleSize());
      }
    }

    /** Adds a {@code .ko.xz} module the host's xz can decode to the batch; false for any other module. */
    private boolean batched(VersionTree tree, String relative, String location, ByteBuffer stored, Path file)
        throws IOException {
      if (hostXz.isEmpty()) {
        return false;
      }
      long size = XzStreamIndex.uncompressedSize(stored);
      if (size < 0 || size > options.maxModuleSize()) {
        return false;
      }
      CompletableFuture<ModuleOutcome> outcome = new CompletableFuture<>();
      tree.modules().add(outcome);
      batch.add(new XzModuleBatch.Item(relative, location, stored, file, size, outcome));
      if (batch.isFull()) {
        submitBatch();
      }
      return true;
    }

    private void submitBatch() throws IOException {
      List<XzModuleBatch.Item> items = batch.drain();
      acquireSlot(items.get(0).location());
      pool.execute(() -> {
        try {
          decodeAndParse(items);
        } catch (RuntimeException | Error e) {
          items.forEach(item -> item.outcome().completeExceptionally(e));
        } finally {
          slots.release();
        }
      });
    }

    private void decodeAndParse(List<XzModuleBatch.Item> items) {
      Optional<List<ByteBuffer>> decoded =
          hostXz.orElseThrow().decode(items.stream().map(XzModuleBatch.Item::input).toList());
      for (int i = 0; i < items.size(); i++) {
        XzModuleBatch.Item item = items.get(i);
        ByteBuffer data = decoded.isPresent() ? decoded.get().get(i) : null;
        item.outcome().complete(parse(item.relative(), item.location(), item.stored(), data));
      }
    }

    /** Has a pool thread parse the module {@code stored} holds in memory, holding a slot meanwhile. */
    private void submit(VersionTree tree, String relative, String location, ByteBuffer stored) throws IOException {
      acquireSlot(location);
      tree.modules().add(pool.submit(() -> {
        try {
          return parse(relative, location, stored, null);
        } finally {
          slots.release();
        }
      }));
    }

    private void acquireSlot(String location) throws IOException {
      try {
        slots.acquire();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while reading " + location);
      }
    }

    /** Parses a module, decompressing {@code stored} itself unless {@code data} holds it decompressed. */
    private ModuleOutcome parse(String relative, String location, ByteBuffer stored, ByteBuffer data) {
      return parsed(relative, () -> data == null ? parser.parse(relative, location, stored) : parser.parse(relative, location, stored, data));
    }

    /** What {@code parse} gives: the module, or (keeping going) the reason it failed, or, failing the run, nothing. */
    private ModuleOutcome parsed(String relative, Supplier<ModuleFile> parse) {
      try {
        return new ModuleOutcome(parse.get(), null);
      } catch (KslimException e) {
        if (options.keepGoing()) {
          return new ModuleOutcome(null, new ModuleProblem(relative, e.getMessage()));
        }
        failure.compareAndSet(null, e);
        return new ModuleOutcome(null, null);
      }
    }

    private void rethrowFailure() {
      KslimException first = failure.get();
      if (first != null) {
        throw first;
      }
    }

    ModuleSet finish() throws IOException {
      if (!batch.isEmpty()) {
        submitBatch();
      }
      String version = chooseVersion();
      VersionTree tree = versions.get(version);
      List<ModuleFile> files = new ArrayList<>();
      List<ModuleProblem> problems = new ArrayList<>();
      for (Future<ModuleOutcome> future : tree.modules()) {
        ModuleOutcome outcome = await(future);
        rethrowFailure();
        Optional.ofNullable(outcome.file()).ifPresent(files::add);
        Optional.ofNullable(outcome.problem()).ifPresent(problems::add);
      }
      files.sort(Comparator.comparing(f -> f.module().path()));
      problems.sort(Comparator.comparing(ModuleProblem::path));
      return new ModuleSet(version, tree.root(), files, tree.order(), tree.builtin(), tree.builtinModinfo(),
          image(version, tree), boot, others, problems);
    }

    private String chooseVersion() {
      if (versions.isEmpty()) {
        throw new BadInputException(where + ": holds no lib/modules/VERSION folder");
      }
      String wanted = options.kernelVersion();
      if (wanted != null && !versions.containsKey(wanted)) {
        throw new UsageException(where + " holds no kernel " + wanted + " (it holds " + String.join(", ", versions.keySet()) + ")");
      }
      if (wanted == null && versions.size() > 1) {
        throw new UsageException(where + " holds kernels " + String.join(", ", versions.keySet()) + ": pass --kver");
      }
      return wanted != null ? wanted : versions.keySet().iterator().next();
    }

    private Optional<Entry> image(String version, VersionTree tree) {
      for (String name : List.of(BOOT + "vmlinuz-" + version, BOOT + "vmlinux-" + version)) {
        Optional<Entry> found = boot.stream().filter(e -> e.path().equals(name)).findFirst();
        if (found.isPresent()) {
          return found;
        }
      }
      return Optional.ofNullable(tree.image());
    }

    private ModuleOutcome await(Future<ModuleOutcome> future) throws IOException {
      try {
        return future.get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while parsing modules of " + where);
      } catch (ExecutionException e) {
        if (e.getCause() instanceof RuntimeException unchecked) {
          throw unchecked;
        }
        throw new IllegalStateException("module parsing failed in " + where, e.getCause());
      }
    }
  }
}
