package org.kslim.kmod;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Works out what kmod's depmod (version 30) does for a set of modules: which module wins a name,
 * the order of modules.dep, which module provides each symbol (the last one in that order, as
 * depmod's symbol table keeps the last it is given), what each module needs, and depmod's
 * topological order of dependencies. Everything depmod warns about or silently ignores becomes a
 * {@link Problem}.
 *
 * <pre>{@code
 * DepmodResult result = DependencyResolver.resolve(modules, modulesOrderLines,
 *     KernelSymbols.of(kernelCrcs, true));
 * }</pre>
 */
public final class DependencyResolver {
  private static final String KERNEL = Problem.DuplicateExport.KERNEL;

  private final List<Module> modules;
  private final KernelSymbols kernel;
  private final List<Problem> problems;

  private DependencyResolver(List<Module> modules, KernelSymbols kernel, List<Problem> problems) {
    this.modules = modules;
    this.kernel = kernel;
    this.problems = problems;
  }

  /** As depmod without {@code -E} or {@code -F}: nothing is known of the kernel's own exports. */
  public static DepmodResult resolve(List<Module> modules, List<String> modulesOrder) {
    return resolve(modules, modulesOrder, null);
  }

  /**
   * @param modules the package's modules, in the order depmod would find them (the first of two
   *     alike-named modules outside {@code updates/} wins)
   * @param modulesOrder the lines of {@code modules.order}
   * @param kernel the kernel image's exports ({@code -E Module.symvers} or {@code -F System.map});
   *     null when unknown, and then no symbol is reported unresolved
   */
  public static DepmodResult resolve(List<Module> modules, List<String> modulesOrder, KernelSymbols kernel) {
    return ordering(modules, modulesOrder, kernel).resolve();
  }

  /**
   * Takes the first step of {@link #resolve(List, List, KernelSymbols)}: which module wins each
   * name, in which order ({@link #modules()}); {@link #resolve()} does the rest.
   */
  static DependencyResolver ordering(List<Module> modules, List<String> modulesOrder, KernelSymbols kernel) {
    List<Problem> problems = new ArrayList<>();
    List<Module> ordered = ModuleOrder.order(modules, modulesOrder, problems);
    return new DependencyResolver(ordered, kernel, problems);
  }

  /** The modules kept, in depmod's order. */
  List<Module> modules() {
    return modules;
  }

  /** Resolves the modules' symbols and dependencies; call once. */
  DepmodResult resolve() {
    Map<String, Export> symbols = exports();
    // modules.symbols' order needs only the symbol table: sorted on another core meanwhile
    CompletableFuture<List<SymbolAlias>> aliases = CompletableFuture.supplyAsync(() -> symbolAliases(symbols));
    int[][] needs = directDependencies(symbols);
    TopologicalOrder order = TopologicalOrder.of(needs);
    Set<String> cyclic = new HashSet<>();
    for (int i = 0; i < modules.size(); i++) {
      if (!order.ranked(i)) {
        cyclic.add(modules.get(i).path());
      }
    }
    for (int[] cycle : order.cycles(needs)) {
      List<String> paths = new ArrayList<>();
      for (int module : cycle) {
        paths.add(modules.get(module).path());
      }
      problems.add(new Problem.DependencyCycle(paths));
    }
    // modinfo's depends= checked on another core while the graph is built
    CompletableFuture<List<Problem>> declared = CompletableFuture.supplyAsync(() -> declaredDependsMismatches(needs));
    DependencyGraph graph = graph(needs, order);
    problems.addAll(joined(declared));
    return new DepmodResult(graph, cyclic, joined(aliases), problems);
  }

  private static <T> T joined(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }

  /** The symbol table as depmod leaves it: kernel symbols first, then each module's, later ones replacing. */
  private Map<String, Export> exports() {
    Map<String, Export> symbols = new HashMap<>();
    if (kernel != null) {
      kernel.crcs().forEach((symbol, crc) -> symbols.put(symbol, new Export(-1, crc)));
    }
    Map<String, List<String>> exporters = new LinkedHashMap<>();
    for (int i = 0; i < modules.size(); i++) {
      Module module = modules.get(i);
      for (ModuleSymbol symbol : module.exports()) {
        Export previous = symbols.put(symbol.name(), new Export(i, symbol.hasCrc() ? symbol.crc() : 0));
        if (previous != null && previous.owner() != i) {
          String earlier = previous.owner() < 0 ? KERNEL : modules.get(previous.owner()).path();
          exporters.computeIfAbsent(symbol.name(), name -> new ArrayList<>(List.of(earlier))).add(module.path());
        }
      }
    }
    exporters.forEach((symbol, paths) -> problems.add(
        new Problem.DuplicateExport(symbol, paths, modules.get(symbols.get(symbol).owner()).path())));
    return symbols;
  }

  /** For each module, the modules owning the symbols it needs, each once, in the order first needed. */
  private int[][] directDependencies(Map<String, Export> symbols) {
    int[][] needs = new int[modules.size()][];
    int[] seenBy = new int[modules.size()];
    int[] owners = new int[modules.size()];
    for (int i = 0; i < modules.size(); i++) {
      Module module = modules.get(i);
      int count = 0;
      for (ModuleSymbol needed : module.undefined()) {
        String name = needed.name().startsWith(".") ? needed.name().substring(1) : needed.name();
        Export export = symbols.get(name);
        if (export == null) {
          if (kernel != null && !needed.weak()) {
            problems.add(new Problem.UnresolvedSymbol(module.path(), needed.name()));
          }
          continue;
        }
        long crc = needed.hasCrc() ? needed.crc() : 0;
        if (kernel != null && kernel.versioned() && !needed.weak() && export.crc() != crc) {
          problems.add(new Problem.CrcMismatch(module.path(), needed.name(), crc, export.crc()));
        }
        int owner = export.owner();
        if (owner >= 0 && seenBy[owner] != i + 1) {
          seenBy[owner] = i + 1;
          owners[count++] = owner;
        }
      }
      needs[i] = Arrays.copyOf(owners, count);
    }
    return needs;
  }

  /** Each module's transitive dependencies, ordered by rank with modules in cycles last. */
  private DependencyGraph graph(int[][] needs, TopologicalOrder order) {
    Comparator<Integer> byRank = Comparator.comparingInt(module -> order.rank()[module]);
    Map<String, List<String>> dependencies = new HashMap<>();
    BitSet reached = new BitSet(modules.size());
    int[] stack = new int[modules.size()];
    for (int i = 0; i < modules.size(); i++) {
      reached.clear();
      List<Integer> found = new ArrayList<>();
      int depth = 0;
      stack[depth++] = i;
      while (depth > 0) {
        for (int dependency : needs[stack[--depth]]) {
          if (dependency != i && !reached.get(dependency)) {
            reached.set(dependency);
            found.add(dependency);
            stack[depth++] = dependency;
          }
        }
      }
      found.sort(byRank);
      List<String> paths = new ArrayList<>(found.size());
      for (int dependency : found) {
        paths.add(modules.get(dependency).path());
      }
      dependencies.put(modules.get(i).path(), paths);
    }
    return new DependencyGraph(modules, dependencies);
  }

  /** A {@link Problem.DeclaredDependsMismatch} for each module whose modinfo {@code depends=} disagrees with the symbols. */
  private List<Problem> declaredDependsMismatches(int[][] needs) {
    List<Problem> mismatches = new ArrayList<>();
    for (int i = 0; i < modules.size(); i++) {
      Module module = modules.get(i);
      String depends = module.modinfo().first("depends").orElse(null);
      if (depends == null) {
        continue;
      }
      List<String> declared = new ArrayList<>();
      Set<String> declaredNames = new TreeSet<>();
      for (String name : depends.split(",")) {
        if (!name.isEmpty()) {
          declared.add(name);
          declaredNames.add(name.replace('-', '_'));
        }
      }
      List<String> resolved = new ArrayList<>();
      for (int dependency : needs[i]) {
        resolved.add(modules.get(dependency).name());
      }
      if (!declaredNames.equals(new TreeSet<>(resolved))) {
        mismatches.add(new Problem.DeclaredDependsMismatch(module.path(), declared, resolved));
      }
    }
    return mismatches;
  }

  private List<SymbolAlias> symbolAliases(Map<String, Export> symbols) {
    List<String> owned = new ArrayList<>();
    symbols.forEach((symbol, export) -> {
      if (export.owner() >= 0) {
        owned.add(symbol);
      }
    });
    List<SymbolAlias> aliases = new ArrayList<>(owned.size());
    for (String symbol : new KmodHashOrder(KmodHashOrder.SYMBOL_BUCKETS).sort(owned)) {
      aliases.add(new SymbolAlias(symbol, modules.get(symbols.get(symbol).owner()).name()));
    }
    return aliases;
  }

  /** A symbol table entry: the exporting module's index, or -1 for the kernel, and the CRC. */
  private record Export(int owner, long crc) {}
}
