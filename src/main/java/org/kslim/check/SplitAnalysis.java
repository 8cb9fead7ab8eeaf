package org.kslim.check;

import java.util.List;
import java.util.Objects;
import org.kslim.budget.BudgetCheck;
import org.kslim.kmod.DepmodResult;
import org.kslim.kmod.ModuleSet;
import org.kslim.policy.Policy;
import org.kslim.size.SizeSheet;
import org.kslim.source.PackageInfo;
import org.kslim.split.Split;

/**
 * Everything one split of a kernel package found: the modules placed by the policy
 * ({@link ModulePlacement}), every package's sizes and the verdict on its budgets.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, policyFile));
 * analysis.sizes().get("modules-core").get(Measure.INSTALLED);
 * analysis.passed();
 * }</pre>
 *
 * @param placement the modules, their graph, the policy and the split
 * @param sizes every package's measures
 * @param budgets the verdict on every budget the policy sets
 * @param warnings what a user should know but that fails nothing (policy format, cache, moves)
 */
public record SplitAnalysis(ModulePlacement placement, SizeSheet sizes, BudgetCheck budgets, List<String> warnings) {
  public SplitAnalysis {
    Objects.requireNonNull(placement, "placement");
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(budgets, "budgets");
    warnings = List.copyOf(warnings);
  }

  /** What the input package declares about itself. */
  public PackageInfo packageInfo() {
    return placement.kernelPackage().info();
  }

  /** The parsed modules of the kernel. */
  public ModuleSet modules() {
    return placement.modules();
  }

  /** The dependency graph and its problems. */
  public DepmodResult depmod() {
    return placement.depmod();
  }

  /** The policy applied. */
  public Policy policy() {
    return placement.policy();
  }

  /** Every module's package, the moves and violations. */
  public Split split() {
    return placement.split();
  }

  /** True when every budget holds and the split breaks no rule of the policy. */
  public boolean passed() {
    return budgets.pass() && split().violations().isEmpty();
  }
}
