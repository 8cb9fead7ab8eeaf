package org.kslim.split;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.kslim.BadInputException;
import org.kslim.kmod.DependencyGraph;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Policy;
import org.kslim.policy.Rule;

/**
 * Places every module of a dependency graph into one package of a policy, as Fedora's
 * filtermods.py {@code sort} does, but deterministically and keyed by path.
 *
 * <p>Labels: the first {@code exact_pkg} rule (file order) that selects a module pins it to its
 * package; otherwise the first other rule makes it want its package (allowed: that package or one
 * it depends on); otherwise the module may go anywhere and the {@code default} package is its
 * target. Arc consistency then removes packages that would break "if A needs B, B sits in A's
 * package or one it depends on". Modules with a wanting rule are fixed next, in topological order
 * (what a module needs first), each to its package or the nearest one it depends on still allowed;
 * the rest are fixed in reverse topological order to the default package or the nearest below it,
 * or else to the allowed package with most packages below it; each choice is propagated. Ties
 * that filtermods.py breaks by Python's set order are broken here by modules.dep order (within a
 * topological layer) and by package declaration order.
 *
 * <pre>{@code
 * Split split = Splitter.split(graph, PolicyReader.read(Path.of("policies/cloud.yaml")), Set.of());
 * split.moves().forEach(System.out::println);
 * }</pre>
 */
public final class Splitter {
  private Splitter() {}

  /**
   * The split of {@code graph} by {@code policy} for the selected {@code variants} (Fedora's
   * {@code -r}; empty for none).
   *
   * @throws BadInputException when an active rule names an inactive package, two default rules
   *     are active, modules need each other in a cycle, or rules pin modules so that one cannot be
   *     placed anywhere (the message names the module, its rule and the conflicting module)
   */
  public static Split split(DependencyGraph graph, Policy policy, Set<String> variants) {
    return split(graph, policy, variants, List.of());
  }

  /**
   * As {@link #split(DependencyGraph, Policy, Set)}, with the modules built into the kernel image
   * (see {@link BuiltinModules}): a requirement that selects a built-in module is met.
   */
  public static Split split(DependencyGraph graph, Policy policy, Set<String> variants, List<ModuleRef> builtin) {
    PackageLattice lattice = new PackageLattice(policy.activePackages(variants), policy.source());
    List<Rule> rules = policy.activeRules(variants);
    for (Rule rule : rules) {
      if (lattice.indexOf(rule.pkg()) < 0) {
        throw new BadInputException(rule.where() + ": rule names package '" + rule.pkg()
            + "', which is not active for variants " + variants);
      }
    }
    List<Rule> defaults = rules.stream().filter(Rule::isDefault).toList();
    if (defaults.size() > 1) {
      throw new BadInputException(defaults.get(1).where() + ": a second default rule is active (the first is at "
          + defaults.get(0).where() + ")");
    }
    Optional<Rule> fallback = defaults.stream().findFirst();
    ModuleIndex modules = new ModuleIndex(graph);
    Labels labels = new Labels(modules, lattice, rules, fallback);
    Constraints constraints = new Constraints(modules, lattice, labels.allowed());
    constraints.propagate(modules.topoOrder);
    requirePlaceable(modules, constraints, labels);
    for (int module : modules.topoOrder) {
      int allowed = constraints.allowed(module);
      if (Integer.bitCount(allowed) > 1 && labels.wants(module)) {
        constraints.choose(module, lattice.pickBest(allowed, labels.wanted(module)));
      }
    }
    int fallbackPkg = fallback.map(rule -> lattice.indexOf(rule.pkg())).orElse(-1);
    for (int i = modules.topoOrder.length - 1; i >= 0; i--) {
      int module = modules.topoOrder[i];
      int allowed = constraints.allowed(module);
      if (Integer.bitCount(allowed) > 1) {
        constraints.choose(module, lattice.pickBest(allowed, fallbackPkg));
      }
    }
    requirePlaceable(modules, constraints, labels);
    int[] placed = new int[modules.size()];
    for (int module = 0; module < placed.length; module++) {
      placed[module] = Integer.numberOfTrailingZeros(constraints.allowed(module));
    }
    return assemble(policy, modules, lattice, labels, placed, builtin);
  }

  private static Split assemble(Policy policy, ModuleIndex modules, PackageLattice lattice, Labels labels, int[] placed,
      List<ModuleRef> builtin) {
    MoveFinder finder = new MoveFinder(modules, lattice, labels, placed);
    Map<String, Placement> placements = new LinkedHashMap<>();
    List<Move> moves = new ArrayList<>();
    for (int module = 0; module < placed.length; module++) {
      ModuleRef ref = modules.refs.get(module);
      Optional<Move> move = finder.move(module);
      move.ifPresent(moves::add);
      placements.put(ref.path(), new Placement(ref.path(), ref.name(), lattice.name(placed[module]),
          labels.rule(module), move));
    }
    String core = lattice.name(lattice.core());
    String image = policy.image().orElse(core);
    if (lattice.indexOf(image) < 0) {
      throw new BadInputException(policy.source() + ": the image package '" + image + "' is not active");
    }
    PolicyChecks checks = new PolicyChecks(policy, modules, lattice, placed, core, builtin);
    return new Split(lattice.names(), core, image, placements, moves, checks.violations(moves), checks.warnings(moves));
  }

  private static void requirePlaceable(ModuleIndex modules, Constraints constraints, Labels labels) {
    List<String> problems = new ArrayList<>();
    for (int module = 0; module < modules.size(); module++) {
      if (constraints.allowed(module) == 0) {
        int blocker = constraints.blocker(module);
        problems.add(modules.refs.get(module).path() + " (" + describe(labels.rule(module)) + ") conflicts with "
            + (blocker < 0 ? "its neighbours" : modules.refs.get(blocker).path() + " (" + describe(labels.rule(blocker)) + ")"));
      }
    }
    if (!problems.isEmpty()) {
      throw new BadInputException(problems.size() + " module(s) fit no package: "
          + problems.stream().limit(5).collect(Collectors.joining("; ")));
    }
  }

  private static String describe(Optional<Rule> rule) {
    return rule.map(r -> "rule " + r).orElse("no rule");
  }
}
