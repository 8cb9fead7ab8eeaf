package org.kslim.decide;

import java.util.List;
import java.util.Objects;
import org.kslim.check.SplitAnalysis;
import org.kslim.kmod.DependencyGraph;
import org.kslim.kmod.Module;
import org.kslim.split.Placement;
import org.kslim.split.Split;

/**
 * Why one module sits where it does: its placement (package, rule and reason, or the move with its
 * chain), the modules it needs and the modules that need it, each with its package.
 *
 * <pre>{@code
 * Explanation e = Explanation.of(analysis, "dlm");
 * e.placement().pkg();                       // "modules-core"
 * e.placement().move().map(Move::chain);     // each link with its rule and reason
 * e.needs();                                 // [kernel/net/sctp/sctp.ko in modules-core, ...]
 * }</pre>
 *
 * @param needs the modules it needs, transitively, in modules.dep order
 * @param neededBy the modules that need it, transitively
 */
public record Explanation(Placement placement, List<Neighbour> needs, List<Neighbour> neededBy) {
  /** A related module and the package it sits in. */
  public record Neighbour(String module, String pkg) {
    @Override
    public String toString() {
      return module + " in " + pkg;
    }
  }

  public Explanation {
    Objects.requireNonNull(placement, "placement");
    needs = List.copyOf(needs);
    neededBy = List.copyOf(neededBy);
  }

  /** Explains the module named by {@code module}: its path under lib/modules/VER or its name. */
  public static Explanation of(SplitAnalysis analysis, String module) {
    Split split = analysis.split();
    DependencyGraph graph = analysis.depmod().graph();
    Placement placement = split.placements().containsKey(module) ? split.explain(module)
        : split.placements().values().stream()
            .filter(p -> p.name().equals(module.replace('-', '_')))
            .findFirst().orElseGet(() -> split.explain(module));
    Module m = graph.module(placement.module());
    return new Explanation(placement, neighbours(split, graph.dependencies(m)), neighbours(split, graph.dependents(m)));
  }

  private static List<Neighbour> neighbours(Split split, List<Module> modules) {
    return modules.stream().map(m -> new Neighbour(m.path(), split.packageOf(m.path()))).toList();
  }
}
