package org.kslim.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kslim.policy.ModuleRef;

/**
 * Finds the modules that ended away from the package their rule wants and the chain of modules
 * that pulled them: for each link, the first neighbour (modules that need it, then modules it
 * needs, each in modules.dep order; unmoved ones before moved ones) whose package rules out the
 * wanted one; a moved neighbour's own cause follows.
 */
final class MoveFinder {
  private final ModuleIndex modules;
  private final PackageLattice lattice;
  private final Labels labels;
  private final int[] placed;

  MoveFinder(ModuleIndex modules, PackageLattice lattice, Labels labels, int[] placed) {
    this.modules = modules;
    this.lattice = lattice;
    this.labels = labels;
    this.placed = placed;
  }

  Optional<Move> move(int module) {
    if (!moved(module)) {
      return Optional.empty();
    }
    ModuleRef ref = modules.refs.get(module);
    return Optional.of(new Move(ref.path(), ref.name(), lattice.name(labels.wanted(module)),
        lattice.name(placed[module]), labels.rule(module).orElseThrow(), chain(module)));
  }

  private boolean moved(int module) {
    return labels.wanted(module) >= 0 && labels.wanted(module) != placed[module];
  }

  private List<Cause> chain(int module) {
    List<Cause> chain = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    int current = module;
    while (current >= 0 && seen.add(current)) {
      Optional<Cause> cause = cause(current);
      if (cause.isEmpty()) {
        break;
      }
      chain.add(cause.get());
      int next = modules.indexOf(cause.get().module());
      current = moved(next) ? next : -1;
    }
    return chain;
  }

  private Optional<Cause> cause(int module) {
    int wanted = labels.wanted(module);
    Optional<Cause> moved = Optional.empty();
    for (int user : modules.neededBy[module]) {
      if ((lattice.below(placed[user]) & 1 << wanted) == 0) {
        Cause cause = cause(user, Cause.Relation.NEEDS_IT);
        if (!moved(user)) {
          return Optional.of(cause);
        }
        moved = moved.or(() -> Optional.of(cause));
      }
    }
    for (int needed : modules.needs[module]) {
      if ((lattice.below(wanted) & 1 << placed[needed]) == 0) {
        Cause cause = cause(needed, Cause.Relation.NEEDED_BY_IT);
        if (!moved(needed)) {
          return Optional.of(cause);
        }
        moved = moved.or(() -> Optional.of(cause));
      }
    }
    return moved;
  }

  private Cause cause(int neighbour, Cause.Relation relation) {
    return new Cause(modules.refs.get(neighbour).path(), relation, lattice.name(placed[neighbour]),
        labels.rule(neighbour));
  }
}
