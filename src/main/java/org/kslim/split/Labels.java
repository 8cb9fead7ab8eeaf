package org.kslim.split;

import java.util.List;
import java.util.Optional;
import org.kslim.policy.ModuleRef;
import org.kslim.policy.Rule;

/**
 * The rule that selects each module and what it starts with: an exact rule pins the module to
 * its package, a wanting rule allows its package and those below it, no rule allows every
 * package with the default package as target.
 */
final class Labels {
  private final Rule[] rules;
  private final int[] wanted;
  private final boolean[] wants;
  private final int[] allowed;

  Labels(ModuleIndex modules, PackageLattice lattice, List<Rule> active, Optional<Rule> fallback) {
    RuleIndex exact = new RuleIndex(active.stream().filter(r -> !r.isDefault() && r.exact()).toList());
    RuleIndex soft = new RuleIndex(active.stream().filter(r -> !r.isDefault() && !r.exact()).toList());
    int n = modules.size();
    rules = new Rule[n];
    wanted = new int[n];
    wants = new boolean[n];
    allowed = new int[n];
    for (int module = 0; module < n; module++) {
      ModuleRef ref = modules.refs.get(module);
      Optional<Rule> pin = exact.first(ref);
      Optional<Rule> want = pin.isPresent() ? Optional.empty() : soft.first(ref);
      Optional<Rule> rule = pin.or(() -> want).or(() -> fallback);
      rules[module] = rule.orElse(null);
      wanted[module] = pin.isPresent() ? -1 : rule.map(r -> lattice.indexOf(r.pkg())).orElse(-1);
      wants[module] = want.isPresent();
      allowed[module] = pin.map(r -> 1 << lattice.indexOf(r.pkg()))
          .or(() -> want.map(r -> lattice.below(lattice.indexOf(r.pkg()))))
          .orElse(lattice.all());
    }
  }

  /** The packages each module may go to before propagation. */
  int[] allowed() {
    return allowed.clone();
  }

  /** The rule that selected {@code module} (its exact or wanting rule, else the default rule). */
  Optional<Rule> rule(int module) {
    return Optional.ofNullable(rules[module]);
  }

  /** Whether a non-exact, non-default rule selected {@code module}. */
  boolean wants(int module) {
    return wants[module];
  }

  /** The package the module's wanting or default rule names; -1 when pinned or without any rule. */
  int wanted(int module) {
    return wanted[module];
  }
}
