package org.kslim.check;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
   * compressed alone ({@link org.kslim.size.FileSizes#compressedAlone()}), for estimates of moves.
   */
  public static SplitAnalysis analyze(CheckRequest request, boolean perFileCompressed) {
    return analyze(request, Progress.NONE, perFileCompressed);
  }

  private static SplitAnalysis analyze(CheckRequest request, Progress progress, boolean perFileCompressed) {
    ModulePlacement placement = place(request, progress);
    Policy policy = placement.policy();
    KernelPackage pkg = placement.kernelPackage();
    List<String> warnings = new ArrayList<>(placement.warnings());
    Split split = placement.split();
    SizeSheet sizes = measure(pkg, request, policy, perFileCompressed, entry -> Optional.of(packageOf(split, entry)),
        warnings::add, progress);
    BudgetCheck budgets = BudgetCheck.of(sizes, budgets(policy, split), policy.waivers(), request.today());
    return new SplitAnalysis(placement, sizes, budgets, warnings);
  }

  /** Reads the package and the policy and places every module, measuring nothing. */
  public static ModulePlacement place(CheckRequest request) {
    return place(request, Progress.NONE);
  }

  /** As {@link #place(CheckRequest)}, telling {@code progress} of the entries read. */
  public static ModulePlacement place(CheckRequest request, Progress progress) {
    Policy policy = ShippedPolicy.readOr(request.policyPath());
    KernelPackage pkg = PackageReader.open(packagePath(request));
    List<String> warnings = new ArrayList<>(policy.warnings());
    ModuleSet modules = readModules(pkg, request, progress);
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
    return measure(PackageReader.open(packagePath(request)), request, policy, false, packageOf, warnings, Progress.NONE);
  }

  private static SizeSheet measure(KernelPackage pkg, CheckRequest request, Policy policy, boolean perFileCompressed,
      Function<Entry, Optional<String>> packageOf, Consumer<String> warnings, Progress progress) {
    SizeCache cache = request.cacheDirectory() == null
        ? SizeCache.disabled() : SizeCache.at(request.cacheDirectory(), warnings);
    SizeMeter meter = new SizeMeter(sizeSettings(policy, pkg.format(), request).withPerFileCompressed(perFileCompressed), cache);
    try {
      return meter.measure(pkg, packageOf, progress);
    } catch (IOException e) {
      throw new BadInputException(pkg.path() + ": cannot read: " + e.getMessage(), e);
    }
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
