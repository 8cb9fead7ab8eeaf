package org.kslim.history;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.kslim.size.Measure;

/**
 * One build as the history keeps it: what identifies it, the policy it was split by (text, rules
 * with reasons, budgets, approvals), every module's package and sizes, every package's totals and
 * the verdicts.
 *
 * <pre>{@code
 * Build build = Builds.of(analysis, Path.of("linux-image.deb"), policyText, Instant.now());
 * long id = store.record(build).id();
 * }</pre>
 *
 * @param policySource the policy's file name
 * @param policyText the policy file as it was
 * @param budgets per package, per measure, the policy's limit
 * @param modules sorted by path
 * @param packages in the split's package order
 */
public record Build(BuildInfo info, String policySource, String policyText, List<RuleReason> rules,
    List<Approval> approvals, Map<String, Map<Measure, Long>> budgets, List<ModuleRecord> modules,
    List<PackageTotal> packages, List<VerdictRecord> verdicts) {
  public Build {
    Objects.requireNonNull(info, "info");
    Objects.requireNonNull(policySource, "policySource");
    Objects.requireNonNull(policyText, "policyText");
    rules = List.copyOf(rules);
    approvals = List.copyOf(approvals);
    budgets = Map.copyOf(budgets);
    modules = List.copyOf(modules);
    packages = List.copyOf(packages);
    verdicts = List.copyOf(verdicts);
  }

  Build withInfo(BuildInfo value) {
    return new Build(value, policySource, policyText, rules, approvals, budgets, modules, packages, verdicts);
  }

  /** The totals of the package called {@code pkg}. */
  public Optional<PackageTotal> pkg(String pkg) {
    return packages.stream().filter(p -> p.pkg().equals(pkg)).findFirst();
  }
}
