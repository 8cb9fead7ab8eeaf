package org.kslim.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.kslim.BadInputException;
import org.kslim.Progress;
import org.kslim.budget.Budget;
import org.kslim.budget.BudgetCheck;
import org.kslim.kmod.DependencyResolver;
import org.kslim.kmod.DepmodResult;
import org.kslim.kmod.ModuleSet;
import org.kslim.kmod.ModuleSetReader;
import org.kslim.policy.CompressionPolicy;
import org.kslim.policy.Policy;
import org.kslim.size.FileContent;
import org.kslim.size.HashedEntry;
import org.kslim.size.Measure;
import org.kslim.size.PayloadFormat;
import org.kslim.size.SizeCache;
import org.kslim.size.SizeMeter;
import org.kslim.size.SizeSettings;
import org.kslim.size.SizeSheet;
import org.kslim.source.Entry;
import org.kslim.source.EntryType;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageFormat;
import org.kslim.source.PackageReader;
import org.kslim.split.BuiltinModules;
import org.kslim.split.Split;
import org.kslim.split.Splitter;

/**
 * Splits a kernel package by a policy, measures every package and checks its budgets: what
 * {@code kslim split} and {@code kslim check} do, as one library call.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(Path.of("linux-image.deb"), null));
 * if (!analysis.passed()) { ... }
 * }</pre>
 */
public final class SplitAnalyzer {
  private SplitAnalyzer() {}

  public static SplitAnalysis analyze(CheckRequest request) {
    return analyze(request, Progress.NONE, false);
  }

  /** As {@link #analyze(CheckRequest)}, telling {@code progress} of reading and compressing. */
  public static SplitAnalysis analyze(CheckRequest request, Progress progress) {
    return analyze(request, progress, false);
  }

  /**
   * As {@link #analyze(CheckRequest)}; with {@code perFileCompressed} every file is also
   * measured for its share of its compressed payload ({@link org.kslim.size.FileSizes#compressedShare()}), for
   * estimates of moves.
   */
  public static SplitAnalysis analyze(CheckRequest request, boolean perFileCompressed) {
    return analyze(request, Progress.NONE, perFileCompressed);
  }

  private static SplitAnalysis analyze(CheckRequest request, Progress progress, boolean perFileCompressed) {
    List<String> warnings = new ArrayList<>();
    CachedInput input = CachedInput.of(request, packagePath(request), warnings::add);
    BufferedPackage pkg = new BufferedPackage(PackageReader.open(packagePath(request)));
    ModulePlacement placement = place(request, input, pkg.source(), pkg, progress);
    warnings.addAll(0, placement.warnings());
    Policy policy = placement.policy();
    Split split = placement.split();
    SizeSheet sizes = measure(pkg, input, placement.modules(), request, policy, perFileCompressed,
        entry -> Optional.of(packageOf(split, entry)), warnings::add, progress);
    BudgetCheck budgets = BudgetCheck.of(sizes, budgets(policy, split), policy.waivers(), request.today());
    return new SplitAnalysis(placement, sizes, budgets, warnings);
  }

  /** Reads the package and the policy and places every module, measuring nothing. */
  public static ModulePlacement place(CheckRequest request) {
    return place(request, Progress.NONE);
  }

  /** As {@link #place(CheckRequest)}, telling {@code progress} of the entries read. */
  public static ModulePlacement place(CheckRequest request, Progress progress) {
    List<String> warnings = new ArrayList<>();
    KernelPackage pkg = PackageReader.open(packagePath(request));
    ModulePlacement placement = place(request, CachedInput.of(request, packagePath(request), warnings::add), pkg, pkg,
        progress);
    warnings.addAll(0, placement.warnings());
    return new ModulePlacement(placement.kernelPackage(), placement.modules(), placement.depmod(), placement.policy(),
        placement.split(), warnings);
  }

  /** Places the modules of {@code pkg}, read through {@code reading} unless cached; the placement holds {@code pkg}. */
  private static ModulePlacement place(CheckRequest request, CachedInput input, KernelPackage pkg,
      KernelPackage reading, Progress progress) {
    Policy policy = ShippedPolicy.readOr(request.policyPath());
    List<String> warnings = new ArrayList<>(policy.warnings());
    ModuleSet modules = input.parsed().map(ParsedPackage::modules).orElseGet(() -> readModules(reading, request, progress));
    DepmodResult depmod = DependencyResolver.resolve(modules.modules(), modules.modulesOrder(), null);
    Split split = Splitter.split(depmod.graph(), policy, request.variants(), BuiltinModules.of(modules));
    warnings.addAll(split.warnings());
    return new ModulePlacement(pkg, modules, depmod, policy, split, warnings);
  }

  /**
   * Measures the request's package as {@link #analyze} does, with each entry in the package
   * {@code packageOf} names (none: in no package): the sizes of a split other than the policy's.
   */
  public static SizeSheet measure(CheckRequest request, Policy policy, Function<Entry, Optional<String>> packageOf,
      Consumer<String> warnings) {
    CachedInput input = CachedInput.of(request, packagePath(request), warnings);
    BufferedPackage pkg = new BufferedPackage(PackageReader.open(packagePath(request)));
    return measure(pkg, input, null, request, policy, false, packageOf, warnings, Progress.NONE);
  }

  /**
   * The meter {@link #analyze} measures {@code pkg} with under {@code policy}: its format and
   * compression, the request's compressor, block size and cache.
   */
  public static SizeMeter meter(KernelPackage pkg, CheckRequest request, Policy policy, boolean perFileCompressed,
      Consumer<String> warnings) {
    SizeCache cache = request.cacheDirectory() == null
        ? SizeCache.disabled() : SizeCache.at(request.cacheDirectory(), warnings);
    return new SizeMeter(sizeSettings(policy, pkg.format(), request).withPerFileCompressed(perFileCompressed), cache);
  }

  /** The request's package as {@link #analyze} reads it: opened from its path, or the running kernel's modules. */
  public static KernelPackage open(CheckRequest request) {
    return PackageReader.open(packagePath(request));
  }

  /**
   * The sizes from the caches alone when the package was read before and every package's figures
   * are kept; else measured from the package's content, and what was read (with {@code modules},
   * when known) kept for next time.
   */
  private static SizeSheet measure(BufferedPackage pkg, CachedInput input, ModuleSet modules, CheckRequest request,
      Policy policy, boolean perFileCompressed, Function<Entry, Optional<String>> packageOf, Consumer<String> warnings,
      Progress progress) {
    SizeMeter meter = meter(pkg, request, policy, perFileCompressed, warnings);
    Optional<SizeSheet> cached = input.parsed()
        .flatMap(p -> meter.measureCached(byPackage(p.entries(), HashedEntry::entry, packageOf)));
    if (cached.isPresent()) {
      return cached.get();
    }
    try {
      List<FileContent> contents = pkg.contents(progress);
      SizeSheet sizes = meter.measure(byPackage(contents, FileContent::entry, packageOf), progress);
      if (modules != null) {
        input.keep(modules, contents.stream().map(FileContent::entry).toList(), sizes);
      }
      return sizes;
    } catch (IOException e) {
      throw new BadInputException(pkg.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The items of each package {@code packageOf} names for their entries, in the order given. */
  private static <T> Map<String, List<T>> byPackage(List<T> items, Function<T, Entry> entryOf,
      Function<Entry, Optional<String>> packageOf) {
    Map<String, List<T>> packages = new TreeMap<>();
    for (T item : items) {
      packageOf.apply(entryOf.apply(item))
          .ifPresent(name -> packages.computeIfAbsent(name, n -> new ArrayList<>()).add(item));
    }
    return packages;
  }

  private static Path packagePath(CheckRequest request) {
    return request.packagePath() != null ? request.packagePath() : RunningKernel.modulesFolder();
  }

  private static ModuleSet readModules(KernelPackage pkg, CheckRequest request, Progress progress) {
    ModuleSetReader.Options options = ModuleSetReader.Options.configured()
        .withKernelVersion(request.kernelVersion()).withKeepGoing(request.keepGoing());
    try {
      return new ModuleSetReader(options).read(pkg, progress);
    } catch (IOException e) {
      throw new BadInputException(pkg.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** Modules go to their package; directories and every other file to the image package. */
  public static String packageOf(Split split, Entry entry) {
    return entry.type() == EntryType.DIRECTORY ? split.image() : split.packageOfEntry(entry.path());
  }

  /** The policy's format and compression; without one, the input's own format (a tree: rpm). */
  static SizeSettings sizeSettings(Policy policy, PackageFormat input, CheckRequest request) {
    PackageFormat target = policy.compression().map(CompressionPolicy::target)
        .orElse(input == PackageFormat.DEB ? PackageFormat.DEB : PackageFormat.RPM);
    PayloadFormat format = target == PackageFormat.DEB ? PayloadFormat.DEB : PayloadFormat.RPM;
    SizeSettings settings = SizeSettings.of(format)
        .withKind(request.compressor())
        .withBlockSize(request.blockSize());
    return policy.compression()
        .map(c -> settings.withCompression(c.payload()))
        .orElse(settings);
  }

  static List<Budget> budgets(Policy policy, Split split) {
    List<Budget> budgets = new ArrayList<>();
    for (String pkg : split.packages()) {
      for (Map.Entry<Measure, Long> limit : policy.budgets().getOrDefault(pkg, Map.of()).entrySet()) {
        budgets.add(new Budget(pkg, limit.getKey(), limit.getValue()));
      }
    }
    return budgets;
  }
}
