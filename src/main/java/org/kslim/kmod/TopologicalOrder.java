package org.kslim.kmod;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * depmod's topological sort of modules by direct dependency: modules nobody needs first, taken from
 * a stack, so that a module's dependencies get higher ranks than the module. Modules the sort never
 * reaches (in a cycle, or needed only from one) keep no rank.
 *
 * @param rank for each module index, its place in the sort; {@link #UNRANKED} for modules in cycles
 */
record TopologicalOrder(int[] rank) {
  static final int UNRANKED = Integer.MAX_VALUE;

  /**
   * @param needs for each module index, the indexes of the modules it needs directly, each once,
   *     in the order found
   */
  static TopologicalOrder of(int[][] needs) {
    int count = needs.length;
    int[] users = new int[count];
    for (int[] needed : needs) {
      for (int dependency : needed) {
        users[dependency]++;
      }
    }
    int[] roots = new int[count];
    int rootCount = 0;
    for (int i = 0; i < count; i++) {
      if (users[i] == 0) {
        roots[rootCount++] = i;
      }
    }
    int[] rank = new int[count];
    Arrays.fill(rank, UNRANKED);
    int sorted = 0;
    while (rootCount > 0) {
      int module = roots[--rootCount];
      rank[module] = sorted++;
      for (int dependency : needs[module]) {
        if (--users[dependency] == 0) {
          roots[rootCount++] = dependency;
        }
      }
    }
    return new TopologicalOrder(rank);
  }

  boolean ranked(int module) {
    return rank[module] != UNRANKED;
  }

  /**
   * The cycles among the unranked modules, one per strongly connected group, each as module
   * indexes where every one needs the next and the last needs the first; groups in order of their
   * lowest index.
   */
  List<int[]> cycles(int[][] needs) {
    List<int[]> cycles = new ArrayList<>();
    int[] group = new StronglyConnected(needs, this).groups();
    boolean[] seen = new boolean[needs.length];
    for (int start = 0; start < needs.length; start++) {
      if (ranked(start) || seen[group[start]]) {
        continue;
      }
      int[] cycle = shortestCycle(needs, group, start);
      if (cycle != null) {
        seen[group[start]] = true;
        cycles.add(cycle);
      }
    }
    return cycles;
  }

  /** Breadth-first from {@code start} within its group back to {@code start}; null if none. */
  private static int[] shortestCycle(int[][] needs, int[] group, int start) {
    int[] previous = new int[needs.length];
    Arrays.fill(previous, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    while (!queue.isEmpty()) {
      int module = queue.poll();
      for (int next : needs[module]) {
        if (group[next] != group[start]) {
          continue;
        }
        if (next == start) {
          return path(previous, start, module);
        }
        if (previous[next] < 0) {
          previous[next] = module;
          queue.add(next);
        }
      }
    }
    return null;
  }

  private static int[] path(int[] previous, int start, int last) {
    ArrayDeque<Integer> path = new ArrayDeque<>();
    for (int at = last; at != start; at = previous[at]) {
      path.addFirst(at);
    }
    path.addFirst(start);
    return path.stream().mapToInt(Integer::intValue).toArray();
  }
}
