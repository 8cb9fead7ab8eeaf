package org.kslim.split;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.DependencyResolver;
import org.kslim.kmod.ModuleSet;
import org.kslim.kmod.ModuleSetReader;
import org.kslim.policy.ModuleRef;
import org.kslim.source.PackageReader;
import org.kslim.testing.SharedData;

/** Test-only: the shared Debian kernels' graphs as kslim computes them from the ELF files, read once per run. */
final class KernelGraphs {
  /** A kernel's version, dependency graph and built-in modules. */
  record Kernel(String version, DependencyGraph graph, List<ModuleRef> builtin) {}

  private static final Map<String, Kernel> READ = new ConcurrentHashMap<>();

  private KernelGraphs() {}

  /** The kernel in the shared {@code kernels/} folder's {@code deb}. */
  static synchronized Kernel of(String deb) throws IOException {
    Kernel kernel = READ.get(deb);
    if (kernel == null) {
      ModuleSet set = new ModuleSetReader().read(PackageReader.open(SharedData.kernel(deb)));
      DependencyGraph graph = DependencyResolver.resolve(set.modules(), set.modulesOrder()).graph();
      kernel = new Kernel(set.kernelVersion(), graph, BuiltinModules.of(set));
      READ.put(deb, kernel);
    }
    return kernel;
  }
}
