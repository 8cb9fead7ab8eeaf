package org.kslim.kmod;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What depmod works out for a kernel's modules: their order, what each needs, which symbol each
 * provides, and the problems found on the way. The index writers turn it into depmod's files.
 *
 * <pre>{@code
 * DepmodResult result = DependencyResolver.resolve(modules, modulesOrder, kernelSymbols);
 * result.graph().dependencies(result.graph().module("kernel/fs/nfs/nfs.ko"));
 * result.inCycle(module);   // left out of modules.dep, as depmod does
 * result.problems();
 * }</pre>
 *
 * @param graph every module kept (one per name), in depmod's order, with its transitive
 *     dependencies in modules.dep order (modules in cycles last)
 * @param cyclic paths of the modules kslim leaves out of modules.dep (kmod 30 writes nothing then): those in a dependency cycle
 *     and those that only modules in a cycle need
 * @param symbols the symbols modules export, each with the module depmod credits, in the order of
 *     modules.symbols
 * @param problems what depmod would warn about or silently ignore
 */
public record DepmodResult(DependencyGraph graph, Set<String> cyclic, List<SymbolAlias> symbols, List<Problem> problems) {
  public DepmodResult {
    Objects.requireNonNull(graph, "graph");
    cyclic = Set.copyOf(cyclic);
    symbols = List.copyOf(symbols);
    problems = List.copyOf(problems);
  }

  /** Every module kept, in depmod's order (those in cycles included). */
  public List<Module> modules() {
    return graph.modules();
  }

  /** Whether {@code module} is left out of modules.dep because of a dependency cycle. */
  public boolean inCycle(Module module) {
    return cyclic.contains(module.path());
  }
}
