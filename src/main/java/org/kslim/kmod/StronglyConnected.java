package org.kslim.kmod;

import java.util.Arrays;

/**
 * Tarjan's strongly connected groups of the modules a {@link TopologicalOrder} left unranked,
 * following only edges between such modules; iterative, so deep chains cannot overflow the stack.
 */
final class StronglyConnected {
  private final int[][] needs;
  private final TopologicalOrder order;
  private final int[] index;
  private final int[] low;
  private final int[] group;
  private final boolean[] onStack;
  private final int[] stack;
  private final int[] callStack;
  private final int[] edge;
  private int stackSize;
  private int counter;

  StronglyConnected(int[][] needs, TopologicalOrder order) {
    this.needs = needs;
    this.order = order;
    int count = needs.length;
    this.index = new int[count];
    this.low = new int[count];
    this.group = new int[count];
    this.onStack = new boolean[count];
    this.stack = new int[count];
    this.callStack = new int[count];
    this.edge = new int[count];
    Arrays.fill(index, -1);
    Arrays.fill(group, -1);
  }

  /** For each module, the lowest index of its group (-1 for ranked modules). */
  int[] groups() {
    for (int module = 0; module < needs.length; module++) {
      if (!order.ranked(module) && index[module] < 0) {
        visit(module);
      }
    }
    return group;
  }

  private void visit(int root) {
    int depth = 0;
    callStack[0] = root;
    edge[0] = 0;
    enter(root);
    while (depth >= 0) {
      int module = callStack[depth];
      if (edge[depth] < needs[module].length) {
        int next = needs[module][edge[depth]++];
        if (order.ranked(next)) {
          continue;
        }
        if (index[next] < 0) {
          enter(next);
          depth++;
          callStack[depth] = next;
          edge[depth] = 0;
        } else if (onStack[next]) {
          low[module] = Math.min(low[module], index[next]);
        }
        continue;
      }
      if (low[module] == index[module]) {
        close(module);
      }
      depth--;
      if (depth >= 0) {
        int parent = callStack[depth];
        low[parent] = Math.min(low[parent], low[module]);
      }
    }
  }

  private void enter(int module) {
    index[module] = counter;
    low[module] = counter;
    counter++;
    stack[stackSize++] = module;
    onStack[module] = true;
  }

  private void close(int root) {
    int first = stackSize;
    do {
      first--;
    } while (stack[first] != root);
    int lowest = Integer.MAX_VALUE;
    for (int i = first; i < stackSize; i++) {
      lowest = Math.min(lowest, stack[i]);
    }
    for (int i = first; i < stackSize; i++) {
      group[stack[i]] = lowest;
      onStack[stack[i]] = false;
    }
    stackSize = first;
  }
}
