package org.kslim.split;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.kslim.BadInputException;
import org.kslim.policy.PackageDecl;

/**
 * The active packages as bits (index = declaration order) with, for each, the mask of itself and
 * all it depends on ({@code below}) and of itself and all that depend on it ({@code above}).
 */
final class PackageLattice {
  private final List<String> names;
  private final Map<String, Integer> index = new HashMap<>();
  private final int[] below;
  private final int[] above;
  private final int[][] belowOrder;
  private final int core;

  PackageLattice(List<PackageDecl> active, String policySource) {
    if (active.isEmpty() || active.size() > Integer.SIZE - 1) {
      throw new BadInputException(policySource + ": 1 to 31 packages must be active, not " + active.size());
    }
    names = active.stream().map(PackageDecl::name).toList();
    for (int i = 0; i < names.size(); i++) {
      index.put(names.get(i), i);
    }
    int n = names.size();
    int[][] direct = new int[n][];
    for (int i = 0; i < n; i++) {
      PackageDecl pkg = active.get(i);
      direct[i] = pkg.dependsOn().stream().mapToInt(name -> {
        Integer dependency = index.get(name);
        if (dependency == null) {
          throw new BadInputException(pkg.where() + ": package '" + pkg.name() + "' depends on '" + name
              + "', which is not active for the selected variants");
        }
        return dependency;
      }).toArray();
    }
    below = new int[n];
    above = new int[n];
    belowOrder = new int[n][];
    for (int i = 0; i < n; i++) {
      belowOrder[i] = breadthFirst(i, direct);
      below[i] = 1 << i;
      for (int dependency : belowOrder[i]) {
        below[i] |= 1 << dependency;
        above[dependency] |= 1 << i;
      }
      above[i] |= 1 << i;
    }
    int root = -1;
    for (int i = 0; i < n && root < 0; i++) {
      root = direct[i].length == 0 ? i : -1;
    }
    core = root;
  }

  /** What a package depends on, transitively: nearest first, each level in declaration order. */
  private static int[] breadthFirst(int start, int[][] direct) {
    Set<Integer> seen = new LinkedHashSet<>();
    List<Integer> level = List.of(start);
    while (!level.isEmpty()) {
      List<Integer> next = new ArrayList<>();
      for (int pkg : level) {
        for (int dependency : direct[pkg]) {
          if (dependency != start && seen.add(dependency)) {
            next.add(dependency);
          }
        }
      }
      level = next;
    }
    return seen.stream().mapToInt(Integer::intValue).toArray();
  }

  int size() {
    return names.size();
  }

  int all() {
    return (1 << names.size()) - 1;
  }

  String name(int pkg) {
    return names.get(pkg);
  }

  List<String> names() {
    return names;
  }

  /** The index of the active package {@code name}, or -1. */
  int indexOf(String name) {
    return index.getOrDefault(name, -1);
  }

  int below(int pkg) {
    return below[pkg];
  }

  int above(int pkg) {
    return above[pkg];
  }

  /** The first package declared that depends on no other; -1 when every package depends on one. */
  int core() {
    return core;
  }

  /**
   * filtermods.py's choice from {@code allowed}: {@code target} if allowed, else the nearest
   * package {@code target} depends on; else (or without target, -1) the package with the most
   * packages below it, the first declared on a tie.
   */
  int pickBest(int allowed, int target) {
    if (target >= 0) {
      if ((allowed & 1 << target) != 0) {
        return target;
      }
      for (int dependency : belowOrder[target]) {
        if ((allowed & 1 << dependency) != 0) {
          return dependency;
        }
      }
    }
    int best = -1;
    for (int pkg = 0; pkg < names.size(); pkg++) {
      if ((allowed & 1 << pkg) != 0 && (best < 0 || Integer.bitCount(below[pkg]) > Integer.bitCount(below[best]))) {
        best = pkg;
      }
    }
    return best;
  }
}
