package org.kslim.check;

import java.util.List;
import java.util.Objects;
import org.kslim.kmod.DepmodResult;
import org.kslim.kmod.ModuleSet;
import org.kslim.policy.Policy;
import org.kslim.source.KernelPackage;
import org.kslim.split.Split;

/**
 * A kernel package's modules placed by a policy, without measuring any size: what
 * {@link SplitAnalyzer#place} returns and {@link SplitAnalyzer#analyze} goes on from.
 *
 * <pre>{@code
 * ModulePlacement placement = SplitAnalyzer.place(CheckRequest.of(deb, policyFile));
 * placement.split().modules(placement.split().core());
 * }</pre>
 *
 * @param kernelPackage the package opened, to stream its entries again
 * @param modules the parsed modules of the kernel
 * @param depmod the dependency graph and its problems
 * @param policy the policy applied
 * @param split every module's package
 * @param warnings the policy's and the split's warnings
 */
public record ModulePlacement(
    KernelPackage kernelPackage, ModuleSet modules, DepmodResult depmod, Policy policy, Split split,
    List<String> warnings) {
  public ModulePlacement {
    Objects.requireNonNull(kernelPackage, "kernelPackage");
    Objects.requireNonNull(modules, "modules");
    Objects.requireNonNull(depmod, "depmod");
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(split, "split");
    warnings = List.copyOf(warnings);
  }
}
