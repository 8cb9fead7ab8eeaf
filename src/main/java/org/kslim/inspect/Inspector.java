package org.kslim.inspect;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.kslim.BadInputException;
import org.kslim.Progress;
import org.kslim.UsageException;
import org.kslim.kmod.DependencyResolver;
import org.kslim.kmod.DepmodResult;
import org.kslim.kmod.KernelExports;
import org.kslim.kmod.KernelExportsFile;
import org.kslim.kmod.KernelSymbols;
import org.kslim.kmod.ModuleElf;
import org.kslim.kmod.ModuleFile;
import org.kslim.kmod.ModuleProblem;
import org.kslim.kmod.ModuleSet;
import org.kslim.kmod.ModuleSetReader;
import org.kslim.kmod.Problem;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageReader;

/**
 * Reads a kernel package and tells what is in it: {@code kslim inspect} as a library call.
 *
 * <pre>{@code
 * KernelInspection inspection = Inspector.inspect(Path.of("linux-image.deb"), InspectOptions.DEFAULTS);
 * System.out.println(inspection.kernelVersion() + ": " + inspection.moduleCount() + " modules");
 * }</pre>
 */
public final class Inspector {
  private Inspector() {}

  public static KernelInspection inspect(Path packagePath, InspectOptions options) {
    return inspect(packagePath, options, Progress.NONE);
  }

  /** As {@link #inspect(Path, InspectOptions)}, telling {@code progress} of the entries read. */
  public static KernelInspection inspect(Path packagePath, InspectOptions options, Progress progress) {
    KernelPackage pkg = PackageReader.open(packagePath);
    ModuleSet set = read(pkg, options, progress);
    List<String> problems = new ArrayList<>();
    Optional<KernelExports> exports = exports(pkg, set, options, problems);
    KernelSymbols kernel = exports.map(KernelSymbols::from).orElse(null);
    DepmodResult resolved = DependencyResolver.resolve(set.modules(), set.modulesOrder(), kernel);

    for (ModuleProblem problem : set.problems()) {
      problems.add(problem.reason());
    }
    for (Problem problem : resolved.problems()) {
      problems.add(problem.describe());
    }
    Optional<ModuleElf> elf = set.files().stream().map(ModuleFile::elf).findFirst();
    long stored = 0;
    long uncompressed = 0;
    for (ModuleFile file : set.files()) {
      stored += file.module().storedSize();
      uncompressed += file.module().size();
    }
    return new KernelInspection(
        pkg.info().name(),
        pkg.format().name().toLowerCase(java.util.Locale.ROOT),
        set.kernelVersion(),
        set.modulesRoot(),
        elf.map(ModuleElf::machineName).orElse("unknown"),
        elf.map(e -> e.elfClass().toString()).orElse("unknown"),
        elf.map(e -> e.byteOrder() == ByteOrder.LITTLE_ENDIAN ? "little-endian" : "big-endian").orElse("unknown"),
        set.files().size(),
        stored,
        uncompressed,
        largestSubsystems(set),
        set.kernelImage(),
        set.bootFiles(),
        exports.map(KernelExports::source),
        problems);
  }

  private static ModuleSet read(KernelPackage pkg, InspectOptions options, Progress progress) {
    ModuleSetReader.Options readOptions = ModuleSetReader.Options.configured()
        .withKernelVersion(options.kernelVersion()).withKeepGoing(options.keepGoing());
    try {
      return new ModuleSetReader(readOptions).read(pkg, progress);
    } catch (IOException e) {
      throw new BadInputException(pkg.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The kernel's exports from --symvers, else from the package's own image where it can be read. */
  private static Optional<KernelExports> exports(
      KernelPackage pkg, ModuleSet set, InspectOptions options, List<String> problems) {
    if (options.symvers() != null) {
      return Optional.of(KernelExportsFile.read(options.symvers()));
    }
    if (set.kernelImage().isEmpty()) {
      problems.add("kernel exports unknown: the package holds no kernel image; pass --symvers FILE");
      return Optional.empty();
    }
    try {
      return Optional.of(KernelExports.fromPackageImage(pkg, set.kernelImage().get().path()));
    } catch (UsageException rawImage) {
      problems.add("kernel exports unknown: " + rawImage.getMessage());
      return Optional.empty();
    } catch (IOException e) {
      throw new BadInputException(pkg.path() + ": cannot read: " + e.getMessage(), e);
    }
  }

  static List<SubsystemTotal> largestSubsystems(ModuleSet set) {
    Map<String, long[]> totals = new HashMap<>();
    for (ModuleFile file : set.files()) {
      long[] total = totals.computeIfAbsent(SubsystemTotal.directoryOf(file.module().path()), d -> new long[3]);
      total[0]++;
      total[1] += file.module().storedSize();
      total[2] += file.module().size();
    }
    return totals.entrySet().stream()
        .map(e -> new SubsystemTotal(e.getKey(), (int) e.getValue()[0], e.getValue()[1], e.getValue()[2]))
        .sorted(Comparator.comparingLong(SubsystemTotal::uncompressedBytes).reversed()
            .thenComparing(SubsystemTotal::directory))
        .limit(KernelInspection.SUBSYSTEMS_SHOWN)
        .toList();
  }
}
