package org.kslim.kmod;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.kslim.BadInputException;
import org.kslim.source.KernelPackage;
import org.kslim.source.PackageReader;

/**
 * kslim's depmod as a library call: reads a kernel package (.deb, .rpm or module tree), parses
 * its modules, resolves them as kmod's depmod 30 does and writes modules.dep, .alias, .softdep,
 * .symbols and .devname into {@code OUT/VER}, byte for byte as depmod would.
 *
 * <pre>{@code
 * DepmodRun run = Depmod.run(Path.of("linux-image-6.1.0-56-cloud-amd64-unsigned_6.1.192-2_amd64.deb"),
 *     Path.of("out"), DepmodOptions.DEFAULTS.withSymvers(Path.of("Module.symvers")));
 * run.problemLines().forEach(System.err::println);
 * }</pre>
 */
public final class Depmod {
  private Depmod() {}

  /**
   * @throws BadInputException when the package or Module.symvers cannot be read, or the output
   *     folder cannot be written
   */
  public static DepmodRun run(Path packagePath, Path out, DepmodOptions options) {
    KernelSymbols kernel = options.symvers() == null ? null : KernelSymbols.from(KernelExportsFile.read(options.symvers()));
    KernelPackage kernelPackage = PackageReader.open(packagePath);
    ModuleSetReader.Options readOptions = ModuleSetReader.Options.configured()
        .withKernelVersion(options.kernelVersion()).withKeepGoing(options.keepGoing());
    ModuleSet set;
    try {
      set = new ModuleSetReader(readOptions).read(kernelPackage);
    } catch (IOException e) {
      throw new BadInputException(packagePath + ": cannot read: " + e.getMessage(), e);
    }
    DependencyResolver resolver = DependencyResolver.ordering(set.modules(), set.modulesOrder(), kernel);
    Path folder = out.resolve(set.kernelVersion());
    // the files of the modules' modinfo are written while their dependencies are resolved
    DepmodIndexWriter.Writing writing = DepmodIndexWriter.start(resolver.modules(), folder);
    DepmodResult result;
    try {
      result = resolver.resolve();
    } catch (RuntimeException | Error e) {
      writing.abandon();
      throw e;
    }
    List<Path> written = writing.finish(result);
    return new DepmodRun(set.kernelVersion(), folder, written, result, set.problems());
  }
}
