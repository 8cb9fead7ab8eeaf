package org.kslim.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.kslim.BadInputException;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.Module;
import org.kslim.policy.ModuleRef;

/**
 * A dependency graph as arrays (module index = modules.dep order) and its topological order: in
 * layers as filtermods.py forms them (a module comes after all it needs), modules.dep order within
 * a layer instead of Python's set order.
 */
final class ModuleIndex {
  final List<ModuleRef> refs;
  final int[][] needs;
  final int[][] neededBy;
  final int[] topoOrder;
  private final Map<String, Integer> byPath;

  ModuleIndex(DependencyGraph graph) {
    List<Module> modules = graph.modules();
    int n = modules.size();
    byPath = new HashMap<>(n * 2);
    List<ModuleRef> list = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Module module = modules.get(i);
      byPath.put(module.path(), i);
      list.add(new ModuleRef(module.path(), module.name(), module.modinfo().values("alias")));
    }
    refs = List.copyOf(list);
    needs = new int[n][];
    for (int i = 0; i < n; i++) {
      needs[i] = graph.dependencies(modules.get(i)).stream().mapToInt(m -> byPath.get(m.path())).toArray();
    }
    neededBy = inverse(needs);
    topoOrder = layers();
  }

  int size() {
    return refs.size();
  }

  /** The index of the module at {@code path}, or -1. */
  int indexOf(String path) {
    return byPath.getOrDefault(path, -1);
  }

  private static int[][] inverse(int[][] edges) {
    int[] counts = new int[edges.length];
    for (int[] targets : edges) {
      for (int target : targets) {
        counts[target]++;
      }
    }
    int[][] inverse = new int[edges.length][];
    for (int i = 0; i < edges.length; i++) {
      inverse[i] = new int[counts[i]];
      counts[i] = 0;
    }
    for (int source = 0; source < edges.length; source++) {
      for (int target : edges[source]) {
        inverse[target][counts[target]++] = source;
      }
    }
    return inverse;
  }

  private int[] layers() {
    int n = refs.size();
    int[] waiting = new int[n];
    List<Integer> layer = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      waiting[i] = needs[i].length;
      if (waiting[i] == 0) {
        layer.add(i);
      }
    }
    int[] order = new int[n];
    int placed = 0;
    while (!layer.isEmpty()) {
      List<Integer> next = new ArrayList<>();
      for (int module : layer) {
        order[placed++] = module;
        for (int user : neededBy[module]) {
          if (--waiting[user] == 0) {
            next.add(user);
          }
        }
      }
      next.sort(null);
      layer = next;
    }
    if (placed < n) {
      List<String> cycle = new ArrayList<>();
      for (int i = 0; i < n && cycle.size() < 5; i++) {
        if (waiting[i] > 0) {
          cycle.add(refs.get(i).path());
        }
      }
      throw new BadInputException("module dependency cycle among " + (n - placed) + " modules, e.g. "
          + String.join(", ", cycle));
    }
    return order;
  }
}
