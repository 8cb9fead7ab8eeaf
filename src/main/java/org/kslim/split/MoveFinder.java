package org.kslim.split;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.kslim.policy.ModuleRef;

/**
 * Finds the modules that ended away from the package their rule wants and the chain of modules
 * that pulled them: for each link, a neighbour whose package rules out the wanted one (see
 * {@link #cause}; ties go to modules that need it before modules it needs, each in modules.dep
 * order); a moved neighbour's own cause follows.
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

  /**
   * The neighbour that best explains the move: among those whose package rules out the wanted
   * one, first those in the very package the module ended in, then unmoved before moved ones.
   */
  private Optional<Cause> cause(int module) {
    int wanted = labels.wanted(module);
    int best = -1;
    int bestRank = Integer.MAX_VALUE;
    Cause.Relation relation = Cause.Relation.NEEDS_IT;
    for (int user : modules.neededBy[module]) {
      int rank = rank(module, user);
      if ((lattice.below(placed[user]) & 1 << wanted) == 0 && rank < bestRank) {
        best = user;
        bestRank = rank;
      }
    }
    for (int needed : modules.needs[module]) {
      int rank = rank(module, needed);
      if ((lattice.below(wanted) & 1 << placed[needed]) == 0 && rank < bestRank) {
        best = needed;
        bestRank = rank;
        relation = Cause.Relation.NEEDED_BY_IT;
      }
    }
    return best < 0 ? Optional.empty() : Optional.of(cause(best, relation));
  }

  private int rank(int module, int neighbour) {
    return (placed[neighbour] == placed[module] ? 0 : 2) + (moved(neighbour) ? 1 : 0);
  }

  private Cause cause(int neighbour, Cause.Relation relation) {
    return new Cause(modules.refs.get(neighbour).path(), relation, lattice.name(placed[neighbour]),
        labels.rule(neighbour));
  }
}
