package org.kslim.split;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * The packages each module may still go to (a bit set per module), narrowed by arc consistency
 * as filtermods.py does: package P stays allowed for module M only while every module M needs can
 * still sit in P or below it, and every module that needs M can still sit in P or above it.
 */
final class Constraints {
  private final ModuleIndex modules;
  private final PackageLattice packages;
  private final int[] allowed;
  private final int[] blocker;
  private final ArrayDeque<Integer> queue = new ArrayDeque<>();
  private final boolean[] queued;

  Constraints(ModuleIndex modules, PackageLattice packages, int[] initial) {
    this.modules = modules;
    this.packages = packages;
    this.allowed = initial.clone();
    this.blocker = new int[initial.length];
    Arrays.fill(blocker, -1);
    this.queued = new boolean[initial.length];
  }

  int allowed(int module) {
    return allowed[module];
  }

  /** The neighbour that removed the last allowed package of an unplaceable module, or -1. */
  int blocker(int module) {
    return blocker[module];
  }

  /** Fixes {@code module} to {@code pkg} and narrows its neighbours again. */
  void choose(int module, int pkg) {
    allowed[module] = 1 << pkg;
    enqueue(modules.needs[module]);
    enqueue(modules.neededBy[module]);
    drain();
  }

  /** Narrows every module, starting in {@code order}, until nothing changes. */
  void propagate(int[] order) {
    enqueue(order);
    drain();
  }

  private void drain() {
    while (!queue.isEmpty()) {
      int module = queue.poll();
      queued[module] = false;
      if (prune(module)) {
        enqueue(modules.needs[module]);
        enqueue(modules.neededBy[module]);
      }
    }
  }

  private void enqueue(int[] list) {
    for (int module : list) {
      if (!queued[module]) {
        queued[module] = true;
        queue.add(module);
      }
    }
  }

  private boolean prune(int module) {
    int remaining = allowed[module];
    if (remaining == 0) {
      return false;
    }
    for (int bits = allowed[module]; bits != 0; bits &= bits - 1) {
      int pkg = Integer.numberOfTrailingZeros(bits);
      int conflict = conflict(module, pkg);
      if (conflict >= 0) {
        remaining &= ~(1 << pkg);
        blocker[module] = conflict;
      }
    }
    boolean changed = remaining != allowed[module];
    allowed[module] = remaining;
    return changed;
  }

  /** A neighbour that rules out {@code pkg} for {@code module}, or -1. */
  private int conflict(int module, int pkg) {
    int below = packages.below(pkg);
    for (int needed : modules.needs[module]) {
      if (allowed[needed] != 0 && (allowed[needed] & below) == 0) {
        return needed;
      }
    }
    int above = packages.above(pkg);
    for (int user : modules.neededBy[module]) {
      if (allowed[user] != 0 && (allowed[user] & above) == 0) {
        return user;
      }
    }
    return -1;
  }
}
