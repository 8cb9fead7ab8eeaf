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
 * Everything one split of a kernel package found: the modules and their graph, where the policy
 * put each, every package's sizes and the verdict on its budgets.
 *
 * <pre>{@code
 * SplitAnalysis analysis = SplitAnalyzer.analyze(CheckRequest.of(deb, policyFile));
 * analysis.sizes().get("modules-core").get(Measure.INSTALLED);
 * analysis.passed();
 * }</pre>
 *
 * @param packageInfo what the input package declares about itself
 * @param modules the parsed modules of the kernel
 * @param depmod the dependency graph and its problems
 * @param policy the policy applied
 * @param split every module's package, the moves and violations
 * @param sizes every package's measures
 * @param budgets the verdict on every budget the policy sets
 * @param warnings what a user should know but that fails nothing (policy format, cache, moves)
 */
public record SplitAnalysis(
    PackageInfo packageInfo,
    ModuleSet modules,
    DepmodResult depmod,
    Policy policy,
    Split split,
    SizeSheet sizes,
    BudgetCheck budgets,
    List<String> warnings) {
  public SplitAnalysis {
    Objects.requireNonNull(packageInfo, "packageInfo");
    Objects.requireNonNull(modules, "modules");
    Objects.requireNonNull(depmod, "depmod");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(split, "split");
    Objects.requireNonNull(sizes, "sizes");
    Objects.requireNonNull(budgets, "budgets");
    warnings = List.copyOf(warnings);
  }

  /** True when every budget holds and the split breaks no rule of the policy. */
  public boolean passed() {
    return budgets.pass() && split.violations().isEmpty();
  }
}
